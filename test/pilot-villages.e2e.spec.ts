/**
 * Pilot villages are designated, not assumed: a township's designation (who, why) and its withdrawal over
 * HTTP with Idempotency-Key; refusals are problem+json and append nothing; the indicators count designated
 * pilots per township against 15%, household coverage in pilot villages only, and enrolments outside pilots.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

// Township 640181001 (Lingwu) and two of its villages.
const TOWNSHIP = '640181001';
const [V1, V2] = [`${TOWNSHIP}001`, `${TOWNSHIP}002`];

describe('pilot villages', () => {
  let app: TestApp;
  const get = (path: string) => request(app.http).get(path);
  const designate = (villageCode: string, key?: string, over: Record<string, unknown> = {}) => {
    const call = request(app.http).post('/pilot-villages');
    if (key) call.set('Idempotency-Key', key);
    return call.send({
      villageCode,
      designatedBy: 'township-640181001',
      reason: 'township decision 2012-2',
      occurredAt: '2012-01-05T02:00:00.000Z',
      ...over,
    });
  };
  const withdraw = (villageCode: string, occurredAt = '2013-07-01T02:00:00.000Z') =>
    request(app.http)
      .post('/pilot-villages/withdrawals')
      .send({ villageCode, withdrawnBy: 'township-640181001', reason: 'merged with a neighbour', occurredAt });

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
  });
  afterAll(() => app.close());

  it('designates a village once, the same answer again for the same Idempotency-Key', async () => {
    const key = randomUUID();
    const first = await designate(V1, key).expect(201);
    expect(first.body).toMatchObject({ villageCode: V1, status: 'Pilot', revision: 0 });
    const before = await logLength(app);
    const again = await designate(V1, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await logLength(app)).toBe(before);
    expect((await get(`/pilot-villages/${V1}`).expect(200)).body).toMatchObject({ status: 'Pilot', designations: 1 });
  });

  it.each([
    ['a second designation', () => designate(V1), 409, /already a pilot village/],
    ['a withdrawal of a village that is no pilot', () => withdraw(V2), 409, /is not a pilot village/],
    ['an unknown village', () => designate('640181999999'), 400, /unknown village 640181999999/],
    ['a township for a village', () => designate('640181001'), 400, /villageCode must be a 12-digit village code/],
    ['a designation without a reason', () => designate(V2, undefined, { reason: '' }), 400, /reason/],
    ['a name where an id belongs', () => designate(V2, undefined, { designatedBy: 'Ma Lan' }), 400, /designatedBy must be an id/],
  ])('refuses %s with a problem, appending nothing', async (_name, send, status, detail) => {
    const before = await logLength(app);
    const refused = await send()
      .expect(status)
      .expect('content-type', /application\/problem\+json/);
    expect(JSON.stringify(refused.body)).toMatch(detail);
    expect(await logLength(app)).toBe(before);
  });

  it('counts designated pilots per township, household coverage in pilots only, and enrolments outside pilots', async () => {
    const enrol = (villageCode: string) =>
      request(app.http)
        .post('/households')
        .send({
          villageCode,
          category: 'stable',
          members: 3,
          head: { name: 'Ma Lan' },
          enrolmentYear: 2012,
          batch: 1,
          occurredAt: '2012-02-01T02:00:00.000Z',
        })
        .expect(201);
    await enrol(V1);
    await enrol(V1);
    await enrol(V2);
    await withdraw(V1).expect(201);
    await request(app.http)
      .post('/admin/registers/village-households')
      .send({ source: 'test', csv: `village_code,year,households\n${V1},2012,10\n${V2},2012,10\n` })
      .expect(201);
    await projectionsCaughtUp(app, ['category-counts']);
    const villages = (await get(`/indicators/pilot-village-coverage?ou=${TOWNSHIP}&pe=2012;2013`).expect(200)).body.rows;
    expect(villages.map((r: Record<string, unknown>) => [r.period, r.numerator, r.targetMet])).toEqual([
      ['2012', 1, expect.any(Boolean)],
      ['2013', 0, false],
    ]);
    expect(villages[0].denominator).toBeGreaterThan(1);
    const households = (await get(`/indicators/pilot-household-coverage?ou=${TOWNSHIP}&pe=2012;2013`).expect(200)).body.rows;
    expect(households.map((r: Record<string, unknown>) => [r.period, r.orgUnit, r.numerator, r.denominator, r.targetMet])).toEqual([
      ['2012', V1, 2, 10, true],
    ]);
    const outside = (await get(`/indicators/enrolments-outside-pilots?ou=${TOWNSHIP}&pe=2012;2013`).expect(200)).body.rows;
    expect(outside.map((r: Record<string, unknown>) => [r.period, r.numerator, r.denominator])).toEqual([
      ['2012', 1, 3],
      ['2013', 3, 3],
    ]);
  });
});
