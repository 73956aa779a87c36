/**
 * Edges of input validation that once slipped past the DTOs and ended in a 500 or a wrong write:
 * ISO-8601 forms the validator took but the service could not read (week dates, basic format, an hour
 * alone, a decimal comma, an ordinal date read as a month), a case-list cursor naming an impossible date,
 * and a JSON array where a nested object belongs. Each is a 400 problem that appends nothing.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { caseAuditTrailProjection } from '@projections/case-audit-trail/case-audit-trail.projection';
import { logLength, projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640104';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const WANG = { 'X-Actor': 'sup-wang' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Valid ISO-8601 (the validator took them) that JavaScript's Date cannot read, or reads as another day. */
const UNREADABLE = [
  '2012-W01-1', // week date
  '20120101', // basic format
  '2012-01-01T10', // an hour alone
  '2012-01-01T10:00:00,5Z', // decimal comma
  '2012-01-01T10:00:00+08', // an offset of hours alone
  '2012-010', // the tenth day of 2012, which Date reads as 1 October
];

describe('validation edges', () => {
  let app: TestApp;
  const householdId = randomUUID();
  /** Another household, for the forms still taken (a wrongly read instant could have withdrawn the first). */
  const otherHouseholdId = randomUUID();
  const caseId = randomUUID();
  const otherCaseId = randomUUID();
  const post = (path: string, body: object, headers: Record<string, string> = {}) => request(app.http).post(path).set(headers).send(body);
  const get = (path: string) => request(app.http).get(path);

  /** A 400 invalid-request problem naming `field`, and the log as it was. */
  async function refused(send: () => request.Test, field: string) {
    const before = await logLength(app);
    const response = await send();
    expect({ status: response.status, body: response.body }).toMatchObject({
      status: 400,
      body: { status: 400, code: 'invalid-request', type: expect.stringContaining('invalid-request') },
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await logLength(app)).toBe(before);
    return response;
  }

  beforeAll(async () => {
    // With the projector, so the case list and the audit trail query the read model (where PostgreSQL reads the times).
    app = await startTestApp({ projector: true });
    for (const id of [householdId, otherHouseholdId])
      await post('/households', {
        householdId: id,
        villageCode: '640104001001',
        category: 'stable',
        members: 3,
        head: { name: 'Li Na' },
      }).expect(201);
    await post(
      `/supervision/${DISTRICT}/assignment`,
      { supervisorId: 'sup-wang', reason: 'order 12', occurredAt: day('01-01') },
      OFFICE,
    ).expect(200);
    for (const id of [caseId, otherCaseId])
      await post(
        '/cases',
        {
          caseId: id,
          subjectUnit: 'unit-7',
          districtCode: DISTRICT,
          grounds: ['delayed'],
          evidence: [{ reference: 'r', description: 'd' }],
          reason: 'found on a visit',
          occurredAt: day('03-11'),
        },
        WANG,
      ).expect(201);
    await projectionsCaughtUp(app, [caseAuditTrailProjection.name]);
  });
  afterAll(async () => {
    await app.close();
  });

  describe.each(UNREADABLE)('an instant the service cannot read (%s)', (instant) => {
    it('is refused as occurredAt of a household command', async () => {
      await refused(() => post(`/households/${householdId}/withdrawal`, { reason: 'x', occurredAt: instant }), 'occurredAt');
    });

    it('is refused as occurredAt of an enrolment', async () => {
      const body = { villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Li Na' }, occurredAt: instant };
      await refused(() => post('/households', body), 'occurredAt');
    });

    it('is refused as deliveredAt of a service', async () => {
      const body = { departmentCode: 'health', serviceTypeCode: 'family-doctor', focusArea: 'health', deliveredAt: instant };
      await refused(() => post(`/households/${householdId}/services`, body), 'deliveredAt');
    });

    it('is refused as the deadline of a rectification order', async () => {
      const body = { requirements: ['act'], deadline: instant, reason: 'r', occurredAt: day('03-12') };
      await refused(() => post(`/cases/${caseId}/order-rectification`, body, WANG), 'deadline');
    });

    it('is refused as occurredAt of a pilot-village designation', async () => {
      const body = { villageCode: '640104001001', designatedBy: 'township-640104001', reason: 'decision', occurredAt: instant };
      await refused(() => post('/pilot-villages', body), 'occurredAt');
    });

    it.each(['asOf', 'occurredAsOf'])('is refused as %s of a case read', async (parameter) => {
      await refused(() => get(`/cases/${caseId}?${parameter}=${encodeURIComponent(instant)}`), parameter);
    });

    it.each(['from', 'to'])('is refused as %s of the audit trail', async (parameter) => {
      await refused(() => get(`/audit/trail?${parameter}=${encodeURIComponent(instant)}`), parameter);
    });
  });

  it('still takes the forms the service reads: Z, an offset, milliseconds, a bare date as a replay point', async () => {
    await post(`/households/${otherHouseholdId}/needs`, {
      focusArea: 'health',
      kind: 'care',
      description: 'visits',
      occurredAt: '2012-03-01T10:00:00+08:00',
    }).expect(201);
    const delivered = await post(`/households/${otherHouseholdId}/services`, {
      departmentCode: 'health',
      serviceTypeCode: 'family-doctor',
      focusArea: 'health',
      occurredAt: '2012-03-02T10:00Z',
      deliveredAt: '2012-03-02T09:30:00.5+08:00',
    }).expect(201);
    expect(delivered.body.serviceId).toEqual(expect.any(String));
    await post(
      `/cases/${otherCaseId}/order-rectification`,
      { requirements: ['act'], deadline: '2012-04-10T00:00:00+08:00', reason: 'r', occurredAt: '2012-03-12T10:00:00+08:00' },
      WANG,
    ).expect(200);
    expect((await get(`/cases/${otherCaseId}?occurredAsOf=2012-03-11`).expect(200)).body).toMatchObject({
      occurredAsOf: '2012-03-11T15:59:59.999Z',
      eventsFolded: 1,
    });
    const { body: now } = await get(`/cases/${otherCaseId}`).expect(200);
    expect(JSON.stringify(now.state)).toContain('2012-04-09T16:00:00.000Z'); // the deadline, as UTC
    await get(`/audit/trail?from=2012-03-01&to=2012-04-01T00:00:00Z`).expect(200);
  });

  describe('GET /cases with a cursor', () => {
    it.each([
      ['an impossible date (the reviewer’s cursor)', 'WyIyMDEyLTAyLTMwIiwieCJd'],
      ['an impossible date in the handed-out form', cursorOf(['2012-02-30T00:00:00.000000Z', 'x'])],
      ['a date but not the handed-out form', cursorOf(['2012-02-01', 'x'])],
      ['a key of three parts', cursorOf(['2012-02-01T00:00:00.000000Z', 'x', 'y'])],
    ])('refuses %s with 400 naming the cursor', async (_label, cursor) => {
      await refused(() => get(`/cases?cursor=${cursor}`), 'cursor');
    });

    it('takes a cursor in the form it hands out', async () => {
      await get(`/cases?cursor=${cursorOf(['2012-02-01T00:00:00.000000Z', 'x'])}`).expect(200);
    });
  });

  describe('a JSON array where a nested object belongs', () => {
    it('refuses a consumer-group filter that is an array, and defines no group', async () => {
      const name = `g-${randomUUID()}`.slice(0, 40);
      await refused(
        () =>
          request(app.http)
            .put(`/consumer-groups/${name}`)
            .send({ filter: [{ types: ['HouseholdEnrolled'] }] }),
        'filter',
      );
      await get(`/consumer-groups/${name}`).expect(404);
    });

    it('refuses an enrolment whose head is an array', async () => {
      const body = { villageCode: '640104001001', category: 'stable', members: 3, head: [{ name: 'Li Na' }] };
      await refused(() => post('/households', body), 'head');
    });

    it('refuses a responsibility whose indicator is an array', async () => {
      const body = {
        task: 'visit every household',
        officialId: 'off-12',
        position: 'township head',
        unitCode: '640104001',
        indicator: [{ code: 'visits-per-household', target: 12, unitOfMeasure: 'visits' }],
        duePeriod: '201206',
        reason: 'work plan 2012',
      };
      await refused(() => post('/responsibilities', body, OFFICE), 'indicator');
    });
  });
});
