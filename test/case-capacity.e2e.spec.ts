/**
 * A case is acted on in three capacities (X-Actor-Role): the supervisor of its district, the city office,
 * and the unit under the case. Each event records the capacity its actor acted in, and the history shows it.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640105';
const OFFICE = { 'X-Actor': 'city-office-2', 'X-Actor-Role': 'city-office' };
const SUPERVISOR = { 'X-Actor': 'sup-li' };
const UNIT = { 'X-Actor': 'clerk-9', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'unit-9' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

describe('the capacity each actor acted in on a case', () => {
  let app: TestApp;
  const post = (path: string, headers: Record<string, string>, body: object) => request(app.http).post(path).set(headers).send(body);

  beforeAll(async () => {
    app = await startTestApp();
    await post(`/supervision/${DISTRICT}/assignment`, OFFICE, {
      supervisorId: 'sup-li',
      reason: 'order 14',
      occurredAt: day('01-01'),
    }).expect(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('is recorded on every event and shown in the history', async () => {
    const caseId = randomUUID();
    await post('/cases', SUPERVISOR, {
      caseId,
      subjectUnit: 'unit-9',
      districtCode: DISTRICT,
      grounds: ['perfunctory'],
      evidence: [{ reference: 'visit-201203', description: 'ledgers copied' }],
      reason: 'found on the visit',
      occurredAt: day('03-11'),
    }).expect(201);
    const act = (action: string, headers: Record<string, string>, body: object) =>
      post(`/cases/${caseId}/${action}`, headers, body).expect(200);
    await act('order-rectification', SUPERVISOR, {
      requirements: ['redo the ledgers'],
      deadline: day('04-10'),
      reason: 'must be true',
      occurredAt: day('03-12'),
    });
    await act('report-rectification', UNIT, { report: 'redone', evidence: [], reason: 'done', occurredAt: day('04-01') });
    await act('escalate', OFFICE, { to: 'city-leading-group', reason: 'the city takes it up', occurredAt: day('04-02') });

    const { body } = await request(app.http).get(`/cases/${caseId}/history`).expect(200);
    expect(body.events.map((e: { type: string; actor: string; actingAs: unknown }) => [e.type, e.actor, e.actingAs])).toEqual([
      ['CaseOpened', 'sup-li', { role: 'supervisor' }],
      ['RectificationOrdered', 'sup-li', { role: 'supervisor' }],
      ['RectificationReported', 'clerk-9', { role: 'subject-unit', unitCode: 'unit-9' }],
      ['CaseEscalated', 'city-office-2', { role: 'city-office' }],
    ]);
    const stored = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(stored[2].metadata.actingAs).toEqual({ role: 'subject-unit', unitCode: 'unit-9' });
  });

  it('works as the README shows it, each actor with a token of its own', async () => {
    const bearer = async (sub: string, ou?: string) => ({
      Authorization: `Bearer ${await app.token('supervisor', { sub, ...(ou && { ou }) })}`,
    });
    const office = { ...(await bearer('city-office-3')), 'X-Actor-Role': 'city-office' };
    const supervisor = await bearer('sup-zhou', '640106');
    const unit = { ...(await bearer('clerk-11', '640106')), 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'unit-11' };
    await post('/supervision/640106/assignment', office, { supervisorId: 'sup-zhou', reason: 'order 12 of the leading group' }).expect(200);
    const opened = await post('/cases', supervisor, {
      subjectUnit: 'unit-11',
      districtCode: '640106',
      grounds: ['perfunctory'],
      evidence: [{ reference: 'visit-201203', description: 'ledgers copied' }],
      reason: 'found on the March visit',
    }).expect(201);
    const caseId = opened.body.caseId;
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await post(`/cases/${caseId}/order-rectification`, supervisor, {
      requirements: ['redo the ledgers'],
      deadline,
      reason: 'must be true',
    }).expect(200);
    await post(`/cases/${caseId}/report-rectification`, unit, { report: 'ledgers redone', evidence: [], reason: 'done' }).expect(200);
    expect((await post(`/cases/${caseId}/accept-rectification`, unit, { reason: 'we did it' }).expect(403)).body.code).toBe(
      'role-not-permitted',
    );

    const { body } = await request(app.http).get(`/cases/${caseId}/history`).expect(200);
    expect(body.events.map((e: { actor: string; actingAs: { role: string } }) => [e.actor, e.actingAs.role])).toEqual([
      ['sup-zhou', 'supervisor'],
      ['sup-zhou', 'supervisor'],
      ['clerk-11', 'subject-unit'],
    ]);
  });
});
