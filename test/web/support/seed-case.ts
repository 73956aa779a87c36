/** An accountability case in Xingqing with a few events, made through the API as a supervisor would. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestApp } from '../../support/test-app';

export const DISTRICT = '640104';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const WANG = { 'X-Actor': 'sup-wang' };
const UNIT = { 'X-Actor': 'clerk-7', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'unit-7' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

export async function assignSupervisor(app: TestApp): Promise<void> {
  await request(app.http)
    .post(`/supervision/${DISTRICT}/assignment`)
    .set(OFFICE)
    .send({ supervisorId: 'sup-wang', reason: 'order 12 of the leading group', occurredAt: day('01-01') })
    .expect(200);
}

export async function seedCase(app: TestApp): Promise<string> {
  const caseId = randomUUID();
  const post = (path: string, headers: Record<string, string>, body: object) => request(app.http).post(path).set(headers).send(body);
  await post(`/supervision/${DISTRICT}/visits`, WANG, {
    month: '201203',
    unitsVisited: ['unit-7'],
    findings: 'ledgers filled in form only',
    occurredAt: day('03-10'),
  }).expect(201);
  await post('/cases', WANG, {
    caseId,
    subjectUnit: 'unit-7',
    districtCode: DISTRICT,
    grounds: ['perfunctory'],
    evidence: [{ reference: 'visit-201203', description: 'ledgers copied' }],
    reason: '三月走访发现台账造假',
    occurredAt: day('03-11'),
  }).expect(201);
  await post(`/cases/${caseId}/order-rectification`, WANG, {
    requirements: ['redo the ledgers'],
    deadline: day('04-10'),
    reason: '台账必须真实',
    occurredAt: day('03-12'),
  }).expect(200);
  // The clerk reports with a token of their own: the default token is one person for every actor, and the
  // reporter of a rectification may not also judge it.
  const clerk = { ...UNIT, Authorization: `Bearer ${await app.token('admin', { sub: 'clerk-7' })}` };
  await post(`/cases/${caseId}/report-rectification`, clerk, {
    report: 'ledgers redone',
    evidence: [],
    reason: 'done',
    occurredAt: day('04-01'),
  }).expect(200);
  await post(`/cases/${caseId}/reject-rectification`, WANG, { reason: 'still copied', occurredAt: day('04-03') }).expect(200);
  return caseId;
}
