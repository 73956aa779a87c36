/**
 * Whoever said a rectification was done did not also judge it. An administrator's token may act in every
 * capacity, so the capacity alone cannot keep the two apart: the case remembers who reported, and refuses
 * that actor's verdict whichever capacity they then act in. An administrator may also name another actor
 * (X-Actor): the events then say who sent them (`authenticatedAs`), and the rule compares persons, not names.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

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
    app = await startTestApp({ projector: true });
  });
  afterAll(async () => {
    await app.close();
  });

  /** A case of the unit with a rectification ordered by the city office, awaiting the report. */
  const orderedCase = async () => {
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
    return caseId;
  };
  const adminToken = async (sub: string) => ({ Authorization: `Bearer ${await app.token('admin', { sub })}` });

  it('is neither accepted nor rejected by the same administrator as the city office, and nothing is appended', async () => {
    const caseId = await orderedCase();

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

  it('is refused to the administrator who reported as clerk-7 and judges as office-9, and the record says who typed both', async () => {
    const caseId = await orderedCase();
    const admin = await adminToken('admin-ma');
    const asClerk = { ...admin, 'X-Actor': 'clerk-7', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': UNIT };
    const asOffice = { ...admin, 'X-Actor': 'office-9', 'X-Actor-Role': 'city-office' };
    const report = { report: 'ledgers redone', evidence: [], reason: 'done', occurredAt: day('05-20') };
    await post(`/cases/${caseId}/report-rectification`, asClerk, report).expect(200);
    const before = await eventsOf(caseId);

    for (const verdict of ['accept-rectification', 'reject-rectification']) {
      const answer = await post(`/cases/${caseId}/${verdict}`, asOffice, { reason: 'checked', occurredAt: day('05-21') }).expect(403);
      expect(answer.body).toMatchObject({ status: 403, code: 'reporter-may-not-judge' });
    }
    expect(await eventsOf(caseId)).toBe(before);

    // Another administrator, acting as the same office, may judge it.
    const byLi = { ...(await adminToken('admin-li')), 'X-Actor': 'office-9', 'X-Actor-Role': 'city-office' };
    await post(`/cases/${caseId}/accept-rectification`, byLi, { reason: 'checked on site', occurredAt: day('05-22') }).expect(200);
    const [, , reported, accepted] = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(reported.metadata).toMatchObject({ actor: 'clerk-7', authenticatedAs: 'admin-ma' });
    expect(reported.data).toMatchObject({ reportedBy: 'admin-ma', reportedAs: 'clerk-7' });
    expect(accepted.metadata).toMatchObject({ actor: 'office-9', authenticatedAs: 'admin-li' });

    // Auditors see it beside the actor: in the case's history and in the audit trail.
    const { body: history } = await request(app.http).get(`/cases/${caseId}/history`).expect(200);
    const said = (e: { type: string; actor: string; authenticatedAs?: string }) => [e.type, e.actor, e.authenticatedAs];
    expect(history.events.slice(2).map(said)).toEqual([
      ['RectificationReported', 'clerk-7', 'admin-ma'],
      ['RectificationAccepted', 'office-9', 'admin-li'],
    ]);
    await projectionsCaughtUp(app, ['case-audit-trail']);
    const { body: trail } = await request(app.http).get(`/audit/trail?aggregate=case&subject=${caseId}`).expect(200);
    expect(trail.entries.slice(2).map(said)).toEqual(history.events.slice(2).map(said));
    const { body: byAdmin } = await request(app.http).get('/audit/trail?actor=admin-ma').expect(200);
    expect(byAdmin.entries.map(said)).toContainEqual(['RectificationReported', 'clerk-7', 'admin-ma']);
  });

  it("records a non-administrator's own subject, whatever X-Actor says, with nothing beside it", async () => {
    const office = await app.token('supervisor', { sub: 'office-zhao' });
    const headers = { Authorization: `Bearer ${office}`, 'X-Actor': 'clerk-7', 'X-Actor-Role': 'city-office' };
    const caseId = randomUUID();
    const body = {
      caseId,
      subjectUnit: UNIT,
      districtCode: DISTRICT,
      grounds: ['delayed'],
      evidence: [{ reference: 'v-2', description: 'x' }],
    };
    await post('/cases', headers, { ...body, reason: 'found', occurredAt: day('05-01') }).expect(201);
    const [opened] = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(opened.metadata.actor).toBe('office-zhao');
    expect(opened.metadata).not.toHaveProperty('authenticatedAs');
  });

  it('takes the authenticated subject from the token alone, never from a header the client sends', async () => {
    const forged = { 'X-Authenticated-As': 'someone-else', 'X-Actor-Role': 'city-office' };
    const office = { ...forged, Authorization: `Bearer ${await app.token('supervisor', { sub: 'office-qian' })}` };
    const admin = { ...forged, ...(await adminToken('admin-ma')), 'X-Actor': 'office-9' };
    const opened: Record<string, unknown>[] = [];
    for (const headers of [office, admin]) {
      const caseId = randomUUID();
      await post('/cases', headers, {
        caseId,
        subjectUnit: UNIT,
        districtCode: DISTRICT,
        grounds: ['delayed'],
        evidence: [{ reference: 'v-3', description: 'x' }],
        reason: 'found',
        occurredAt: day('05-01'),
      }).expect(201);
      opened.push((await app.runtime.eventStore.readStream(`case-${caseId}`))[0].metadata);
    }
    expect(opened[0]).toMatchObject({ actor: 'office-qian' });
    expect(opened[0]).not.toHaveProperty('authenticatedAs');
    expect(opened[1]).toMatchObject({ actor: 'office-9', authenticatedAs: 'admin-ma' });
  });
});
