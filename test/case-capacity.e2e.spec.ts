/**
 * A case is acted on in three capacities (X-Actor-Role): the supervisor of its district, the city office,
 * and the unit under the case. Each event records the capacity its actor acted in, and the history shows it.
 * Acting as the unit takes the unit's own token (its org unit or department), never a supervisor's.
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
    const township = '640106001';
    const unitToken = await app.token('registrar', { sub: 'clerk-11', ou: township });
    const unit = { Authorization: `Bearer ${unitToken}`, 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': township };
    await post('/supervision/640106/assignment', office, { supervisorId: 'sup-zhou', reason: 'order 12 of the leading group' }).expect(200);
    const opened = await post('/cases', supervisor, {
      subjectUnit: township,
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
    // The unit's token reaches no other action: the access policy refuses it before any capacity is weighed.
    expect((await post(`/cases/${caseId}/accept-rectification`, unit, { reason: 'we did it' }).expect(403)).body.code).toBe('forbidden');

    const { body } = await request(app.http).get(`/cases/${caseId}/history`).expect(200);
    expect(body.events.map((e: { actor: string; actingAs: { role: string } }) => [e.actor, e.actingAs.role])).toEqual([
      ['sup-zhou', 'supervisor'],
      ['sup-zhou', 'supervisor'],
      ['clerk-11', 'subject-unit'],
    ]);
  });

  describe('acting as the unit under the case', () => {
    const township = '640105001';
    const report = { report: 'ledgers redone', evidence: [], reason: 'done' };
    const asUnit = (token: string, unitCode = township) => ({
      Authorization: `Bearer ${token}`,
      'X-Actor-Role': 'subject-unit',
      'X-Actor-Unit': unitCode,
    });
    /** Read from the database, not from any answer: what a refusal must leave as it was. */
    const eventsOf = async (caseId: string) => {
      const [{ count }] = await app.runtime.dataSource.query(`SELECT count(*)::int AS count FROM event_store.events WHERE stream_id = $1`, [
        `case-${caseId}`,
      ]);
      return count as number;
    };
    const orderedCase = async (subjectUnit = township) => {
      const caseId = randomUUID();
      const opening = { caseId, subjectUnit, districtCode: DISTRICT, grounds: ['delayed'], reason: 'found on the visit' };
      await post('/cases', SUPERVISOR, {
        ...opening,
        evidence: [{ reference: 'v-1', description: 'ledgers' }],
        occurredAt: day('05-01'),
      }).expect(201);
      const order = { requirements: ['redo the ledgers'], deadline: day('06-01'), reason: 'must be true', occurredAt: day('05-02') };
      await post(`/cases/${caseId}/order-rectification`, SUPERVISOR, order).expect(200);
      expect(await eventsOf(caseId)).toBe(2);
      return caseId;
    };

    it("refuses the supervisor's token, even one scoped to the unit, and appends nothing", async () => {
      const caseId = await orderedCase();
      for (const ou of [DISTRICT, township]) {
        const token = await app.token('supervisor', { sub: 'sup-li', ou });
        const answer = await post(`/cases/${caseId}/report-rectification`, asUnit(token), report).expect(403);
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.body.code).toBe('role-not-permitted');
      }
      expect(await eventsOf(caseId)).toBe(2);
    });

    it('refuses a report from those who judge it, the supervisor or the city office acting as itself, and appends nothing', async () => {
      const caseId = await orderedCase();
      for (const headers of [SUPERVISOR, OFFICE]) {
        const answer = await post(`/cases/${caseId}/report-rectification`, headers, report).expect(403);
        expect(answer.body.code).toBe('role-not-permitted');
      }
      expect(await eventsOf(caseId)).toBe(2);
    });

    it("refuses another unit's token, whichever unit it names, and appends nothing", async () => {
      const caseId = await orderedCase();
      const neighbour = await app.token('registrar', { sub: 'clerk-12', ou: '640105002' });
      const department = await app.token('provider', { sub: 'doctor-3', ou: DISTRICT, department: 'health' });
      const refusals = [
        [asUnit(neighbour), 404, 'not-found'], // the case is neither in its area nor about it
        [asUnit(neighbour, '640105002'), 404, 'not-found'],
        [asUnit(department), 403, 'not-the-subject-unit'], // in its area, but the token is not the unit's
        [asUnit(department, 'health'), 403, 'not-the-subject-unit'], // its own unit, not the one under the case
      ] as const;
      for (const [headers, status, code] of refusals)
        expect((await post(`/cases/${caseId}/report-rectification`, headers, report).expect(status)).body.code).toBe(code);
      expect(await eventsOf(caseId)).toBe(2);
    });

    it("accepts the report made with the unit's own token: a township's or a department's", async () => {
      const caseId = await orderedCase();
      const clerk = await app.token('registrar', { sub: 'clerk-13', ou: township });
      await post(`/cases/${caseId}/report-rectification`, asUnit(clerk), report).expect(200);
      const againstDepartment = await orderedCase('health');
      const doctor = await app.token('provider', { sub: 'doctor-4', ou: DISTRICT, department: 'health' });
      await post(`/cases/${againstDepartment}/report-rectification`, asUnit(doctor, 'health'), report).expect(200);

      expect([await eventsOf(caseId), await eventsOf(againstDepartment)]).toEqual([3, 3]);
      const [reported] = await app.runtime.eventStore.readStream(`case-${caseId}`, { direction: 'backwards', maxCount: 1 });
      expect([reported.type, reported.metadata.actor, reported.metadata.actingAs]).toEqual([
        'RectificationReported',
        'clerk-13',
        { role: 'subject-unit', unitCode: township },
      ]);
    });
  });
});
