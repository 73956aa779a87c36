/**
 * Support handed to households over HTTP: granted (Idempotency-Key), delivered and returned (If-Match),
 * reversed once; refusals are problem+json that append nothing; scoped staff act only in their area.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

const household = { villageCode: '640105001001', category: 'elderly', members: 2, head: { name: 'Ma Shufen' } };
const award = { programmeCode: 'award-support', amountFen: 96_000, units: 0 };

describe('support handed out', () => {
  let app: TestApp;
  let householdId: string;
  const post = (path: string) => request(app.http).post(path);
  const grant = async (over: object = {}) =>
    (
      await post('/support')
        .send({ householdId, ...award, ...over })
        .expect(201)
    ).body;

  beforeAll(async () => {
    app = await startTestApp();
    householdId = (await post('/households').send(household).expect(201)).body.householdId;
  });
  afterAll(() => app.close());

  it('grants support once however often it is sent, and reads it back with its ETag', async () => {
    const key = randomUUID();
    const first = await post('/support')
      .set('Idempotency-Key', key)
      .send({ householdId, ...award })
      .expect(201);
    const length = await logLength(app);
    const again = await post('/support')
      .set('Idempotency-Key', key)
      .send({ householdId, ...award })
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await logLength(app)).toBe(length);
    const read = await request(app.http).get(`/support/${first.body.supportId}`).expect(200).expect('etag', '"0"');
    expect(read.body).toEqual({
      status: 'Granted',
      supportId: first.body.supportId,
      householdId,
      programmeCode: 'award-support',
      householdCategory: 'elderly',
      grantedFen: 96_000,
      grantedUnits: 0,
      deliveredFen: 0,
      deliveredUnits: 0,
      returnedFen: 0,
      returnedUnits: 0,
      revision: 0,
    });
  });

  it('delivers and takes back under If-Match, refusing a stale revision with 412', async () => {
    const { supportId } = await grant({ programmeCode: 'donated-wheelchairs', amountFen: 0, units: 2 });
    await post(`/support/${supportId}/deliveries`).set('If-Match', '"5"').send({ amountFen: 0, units: 2 }).expect(412);
    const delivered = await post(`/support/${supportId}/deliveries`).set('If-Match', '"0"').send({ amountFen: 0, units: 2 }).expect(201);
    expect(delivered.headers.etag).toBe('"1"');
    await post(`/support/${supportId}/returns`).set('If-Match', '"1"').send({ amountFen: 0, units: 1, reason: 'recovered' }).expect(201);
    const read = await request(app.http).get(`/support/${supportId}`).expect(200);
    expect(read.body).toMatchObject({ deliveredUnits: 2, returnedUnits: 1, revision: 2 });
  });

  it.each([
    ['an unknown programme', { programmeCode: 'golden-handshake' }, 'unknown-support-programme'],
    ['a cash grant with units', { units: 1 }, 'units-for-cash'],
    ['a cash grant of nothing', { amountFen: 0 }, 'invalid-amount'],
    ['a fractional amount of fen', { amountFen: 10.5 }, 'invalid-request'],
    ['a household never enrolled', { householdId: randomUUID() }, 'unknown-household'],
  ])('refuses a grant with %s: 400 problem+json, nothing appended', async (_, over, code) => {
    const before = await logLength(app);
    const refused = await post('/support')
      .send({ householdId, ...award, ...over })
      .expect(400)
      .expect('content-type', /problem\+json/);
    expect(refused.body.code).toBe(code);
    expect(await logLength(app)).toBe(before);
  });

  it('refuses to deliver more than was granted, to return more than was delivered, and to reverse twice, appending nothing', async () => {
    const { supportId } = await grant();
    const refuse = async (path: string, body: object, status: number, code: string) => {
      const before = await logLength(app);
      const refused = await post(`/support/${supportId}/${path}`)
        .send(body)
        .expect(status)
        .expect('content-type', /problem\+json/);
      expect(refused.body.code).toBe(code);
      expect(await logLength(app)).toBe(before);
    };
    await refuse('deliveries', { amountFen: 96_001, units: 0 }, 409, 'delivery-exceeds-grant');
    await post(`/support/${supportId}/deliveries`).send({ amountFen: 50_000, units: 0 }).expect(201);
    await refuse('returns', { amountFen: 50_001, units: 0, reason: 'overpaid' }, 409, 'return-exceeds-delivered');
    await post(`/support/${supportId}/reversal`).send({ reason: 'entered for the wrong household' }).expect(201);
    await refuse('reversal', { reason: 'again' }, 409, 'support-already-reversed');
    await refuse('deliveries', { amountFen: 1, units: 0 }, 409, 'support-reversed');
    const nothing = randomUUID();
    const before = await logLength(app);
    await post(`/support/${nothing}/deliveries`).send({ amountFen: 1, units: 0 }).expect(404);
    expect(await logLength(app)).toBe(before);
  });

  it('keeps the reason of a reversal encrypted at rest and out of the feed', async () => {
    const { supportId } = await grant();
    await post(`/support/${supportId}/reversal`).send({ reason: 'the son Ma Jun was found not disabled' }).expect(201);
    const stored = await app.runtime.rawEventStore.readStream(`support-${supportId}`);
    expect(JSON.stringify(stored.map((e) => e.data))).not.toContain('Ma Jun');
    const subscriber = `Bearer ${await app.token('subscriber')}`;
    const { body } = await request(app.http).get(`/feed/events?streams=support-${supportId}`).set('Authorization', subscriber).expect(200);
    const reversal = body.events.find((e: { type: string }) => e.type === 'SupportReversed');
    expect(reversal.data).toEqual({
      supportId,
      householdId,
      programmeCode: 'award-support',
      grantedFen: 96_000,
      grantedUnits: 0,
      heldFen: 0,
      heldUnits: 0,
    });
  });

  it("lets a district's registrar grant only to households of that district", async () => {
    const xingqing = await app.token('registrar', { ou: '640104' });
    const xixia = await app.token('registrar', { ou: '640105' });
    const before = await logLength(app);
    await post('/support')
      .set('Authorization', `Bearer ${xingqing}`)
      .send({ householdId, ...award })
      .expect(404);
    expect(await logLength(app)).toBe(before);
    const { body } = await post('/support')
      .set('Authorization', `Bearer ${xixia}`)
      .send({ householdId, ...award })
      .expect(201);
    await request(app.http).get(`/support/${body.supportId}`).set('Authorization', `Bearer ${xingqing}`).expect(404);
    await post(`/support/${body.supportId}/deliveries`)
      .set('Authorization', `Bearer ${xixia}`)
      .send({ amountFen: 96_000, units: 0 })
      .expect(201);
  });
});
