/**
 * Whoever said a rectification was done did not also judge it. An administrator's token may act in every
 * capacity, so the capacity alone cannot keep the two apart: the case remembers who reported, and refuses
 * that actor's verdict whichever capacity they then act in.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640105';
const UNIT = '640105001';
const OFFICE = { 'X-Actor': 'city-office-4', 'X-Actor-Role': 'city-office' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

describe('a rectification reported by an administrator acting as the unit', () => {
  let app: TestApp;
  const post = (path: string, headers: Record<string, string>, body: object) => request(app.http).post(path).set(headers).send(body);
  /** Read from the database, not from any answer: what a refusal must leave as it was. */
  const eventsOf = async (caseId: string) => {
    const [{ count }] = await app.runtime.dataSource.query(`SELECT count(*)::int AS count FROM event_store.events WHERE stream_id = $1`, [
      `case-${caseId}`,
    ]);
    return count as number;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is neither accepted nor rejected by the same administrator as the city office, and nothing is appended', async () => {
    const caseId = randomUUID();
    await post('/cases', OFFICE, {
      caseId,
      subjectUnit: UNIT,
      districtCode: DISTRICT,
      grounds: ['delayed'],
      evidence: [{ reference: 'v-1', description: 'ledgers' }],
      reason: 'found on the visit',
      occurredAt: day('05-01'),
    }).expect(201);
    const order = { requirements: ['redo the ledgers'], deadline: day('06-01'), reason: 'must be true', occurredAt: day('05-02') };
    await post(`/cases/${caseId}/order-rectification`, OFFICE, order).expect(200);

    const admin = { Authorization: `Bearer ${await app.token('admin', { sub: 'admin-ma' })}` };
    const asUnit = { ...admin, 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': UNIT };
    const asOffice = { ...admin, 'X-Actor-Role': 'city-office' };
    const report = { report: 'ledgers redone', evidence: [], reason: 'done', occurredAt: day('05-20') };
    await post(`/cases/${caseId}/report-rectification`, asUnit, report).expect(200);
    const before = await eventsOf(caseId);
    expect(before).toBe(3);

    for (const verdict of ['accept-rectification', 'reject-rectification']) {
      const answer = await post(`/cases/${caseId}/${verdict}`, asOffice, { reason: 'checked', occurredAt: day('05-21') }).expect(403);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 403, code: 'reporter-may-not-judge' });
    }
    expect(await eventsOf(caseId)).toBe(before);

    // Another actor of the city office judges it as before.
    await post(`/cases/${caseId}/accept-rectification`, OFFICE, { reason: 'checked on site', occurredAt: day('05-22') }).expect(200);
    const stored = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(stored.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['CaseOpened', 'city-office-4'],
      ['RectificationOrdered', 'city-office-4'],
      ['RectificationReported', 'admin-ma'],
      ['RectificationAccepted', 'city-office-4'],
    ]);
    expect(stored[2].data).toMatchObject({ reportedBy: 'admin-ma' });
  });
});
