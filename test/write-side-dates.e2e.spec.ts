/**
 * Times and days the write side once took that had not happened or do not exist: a command dated ahead of
 * now, a service delivered after the command that records it, a rating dated before the delivery it rates, a
 * screening step or an activity on 30 February.
 * Each is a 4xx problem naming the field or the rule, and appends nothing; the nearest time that is true still
 * passes.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640104';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const YEAR_MS = 365 * 86_400_000;
const service = { departmentCode: 'health', serviceTypeCode: 'family-doctor', focusArea: 'health' };

describe('dates on the write side', () => {
  let app: TestApp;
  const householdId = randomUUID();
  const post = (path: string, body: object, headers: Record<string, string> = {}) => request(app.http).post(path).set(headers).send(body);

  /** The answer to `send`, checked to be a problem with `status` and `code` that appended nothing. */
  async function refused(send: () => request.Test, status: number, code: string) {
    const before = await logLength(app);
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await logLength(app)).toBe(before);
    return response.body;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const enrolment = { householdId, villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Li Na' } };
    await post('/households', { ...enrolment, occurredAt: '2012-03-01T02:00:00Z' }).expect(201);
  });
  afterAll(() => app.close());

  describe('a command dated ahead of now', () => {
    const nextYear = () => new Date(Date.now() + YEAR_MS).toISOString();

    it('is refused for a household, naming occurredAt', async () => {
      const problem = await refused(
        () => post(`/households/${householdId}/withdrawal`, { reason: 'moving', occurredAt: nextYear() }),
        400,
        'invalid-request',
      );
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'occurredAt', rule: 'invalid' })]);
    });

    it('is refused for an accountability case, whose authority and deadlines are judged at that time', async () => {
      const body = {
        subjectUnit: 'unit-7',
        districtCode: DISTRICT,
        grounds: ['delayed'],
        evidence: [{ reference: 'r', description: 'd' }],
        reason: 'found on a visit',
        occurredAt: nextYear(),
      };
      const problem = await refused(() => post('/cases', body, OFFICE), 400, 'invalid-request');
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['occurredAt']);
    });

    it('still takes a command dated now', async () => {
      await post(`/households/${randomUUID()}/withdrawal`, { reason: 'moving', occurredAt: new Date().toISOString() }).expect(404);
    });
  });

  describe('a service delivered after the command that records it', () => {
    it('is refused as invalid-delivered-at', async () => {
      const body = { ...service, deliveredAt: '2012-03-10T02:00:00.001Z', occurredAt: '2012-03-10T02:00:00Z' };
      await refused(() => post(`/households/${householdId}/services`, body), 400, 'invalid-delivered-at');
    });

    it('is taken when delivered at the very moment recorded, or before', async () => {
      await post(`/households/${householdId}/services`, {
        ...service,
        deliveredAt: '2012-03-10T10:00:00+08:00',
        occurredAt: '2012-03-10T02:00:00Z',
      }).expect(201);
      await post(`/households/${householdId}/services`, {
        ...service,
        deliveredAt: '2012-03-09',
        occurredAt: '2012-03-10T02:00:00Z',
      }).expect(201);
    });
  });

  describe('a rating dated before the service it rates was delivered', () => {
    it('is refused as service-not-delivered, and one dated at the delivery is taken', async () => {
      const delivered = { ...service, deliveredAt: '2012-03-12T02:00:00Z', occurredAt: '2012-03-12T03:00:00Z' };
      const { body } = await post(`/households/${householdId}/services`, delivered).expect(201);
      const rating = `/households/${householdId}/services/${body.serviceId}/satisfaction`;
      await refused(() => post(rating, { response: 'satisfied', occurredAt: '2012-03-12T09:59:59+08:00' }), 409, 'service-not-delivered');
      await post(rating, { response: 'satisfied', occurredAt: '2012-03-12T10:00:00+08:00' }).expect(201);
    });
  });

  describe('a day the calendar does not have', () => {
    it.each(['2012-02-30', '2011-02-29', '2012-04-31'])('is refused as the day of a screening step (%s)', async (day) => {
      const { body } = await post('/screenings', {
        villageCode: '640104001001',
        subjectKind: 'pregnant-woman',
        person: { name: 'Zhang Min', idNumber: '640104199001010021' },
        occurredAt: '2012-05-20T02:00:00Z',
      }).expect(201);
      const step = { on: day, result: 'normal', occurredAt: '2012-05-20T02:00:00Z' };
      await refused(() => post(`/screenings/${body.screeningId}/five-item-tests`, step), 400, 'invalid-date');
    });

    it.each(['2012-02-30', '2011-02-29', '2012-04-31'])('is refused as the day an activity was held (%s)', async (heldOn) => {
      const activity = {
        kind: 'lecture',
        focusArea: 'health',
        orgUnitCode: '640104001',
        departmentCode: 'health',
        heldOn,
        sessions: 1,
        attendance: 40,
        costFen: 0,
        materials: { boards: 0, walls: 0, billboards: 0, lightBoxes: 0 },
        reason: 'township work plan 2012',
        occurredAt: '2012-05-20T02:00:00Z',
      };
      await refused(() => post('/activities', activity), 400, 'invalid-held-on');
    });
  });
});
