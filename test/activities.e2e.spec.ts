/**
 * Group activities over HTTP: recorded, corrected (If-Match), cancelled, each answered in the indicators;
 * refusals are problem+json that append nothing; a double-sent request appends once.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const body = {
  kind: 'three-checks-round',
  focusArea: 'birth-and-parenting',
  orgUnitCode: '640104001',
  departmentCode: 'health',
  heldOn: '2012-04-01',
  sessions: 3,
  attendance: 230,
  costFen: 120_000,
  materials: { boards: 2, walls: 1, billboards: 0, lightBoxes: 0 },
  reason: 'township work plan 2012',
  occurredAt: '2012-03-31T21:00:00.000Z',
};

describe('group activities', () => {
  let app: TestApp;
  const post = (path: string) => request(app.http).post(path);
  const indicator = async (name: string, query: string) => {
    const { body: answer } = await request(app.http).get(`/indicators/${name}?${query}`).expect(200);
    return answer.rows.map((r: { numerator: number }) => r.numerator);
  };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
  });
  afterAll(() => app.close());

  it('records an activity once however often it is sent, and counts it in the local month held', async () => {
    const key = randomUUID();
    const first = await post('/activities').set('Idempotency-Key', key).send(body).expect(201);
    const again = await post('/activities').set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    const read = await request(app.http).get(`/activities/${first.body.activityId}`).expect(200);
    expect(read.body.state).toMatchObject({ status: 'Held', kind: 'three-checks-round', attendance: 230 });
    await eventually(async () => expect(await indicator('activity-attendance', 'ou=640104001&pe=201204')).toEqual([230]));
    expect(await indicator('activities-held', 'ou=640104&pe=2012Q2&by=kind')).toEqual([1]);
    expect(await indicator('outreach-materials', 'ou=640104001&pe=201204')).toEqual([3]);
    expect(await indicator('activity-cost', 'ou=640104001&pe=201203')).toEqual([]);
  });

  it('corrects with If-Match (412 when stale) and cancels, and the indicators follow', async () => {
    const { body: created } = await post('/activities')
      .send({ ...body, orgUnitCode: '640105', attendance: 500 })
      .expect(201);
    const id = created.activityId;
    await post(`/activities/${id}/correction`).set('If-Match', '"7"').send({ attendance: 480, reason: 'recount' }).expect(412);
    await post(`/activities/${id}/correction`)
      .set('If-Match', `"${created.revision}"`)
      .send({ attendance: 480, reason: 'recount' })
      .expect(201);
    await eventually(async () => expect(await indicator('activity-attendance', 'ou=640105&pe=201204')).toEqual([480]));
    await post(`/activities/${id}/cancellation`).send({ reason: 'entered for the wrong district' }).expect(201);
    await eventually(async () => expect(await indicator('activities-held', 'ou=640105&pe=201204')).toEqual([0]));
    const refused = await post(`/activities/${id}/cancellation`).send({ reason: 'again' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'activity-cancelled' });
  });

  it.each([
    ['an unknown kind', { kind: 'picnic' }, 'invalid-request'],
    ['no session', { sessions: 0 }, 'invalid-sessions'],
    ['a negative cost', { costFen: -5 }, 'invalid-cost'],
    ['a fractional attendance', { attendance: 1.5 }, 'invalid-request'],
    ['an unknown org unit', { orgUnitCode: '640199' }, 'unknown-org-unit'],
    ['an unknown department', { departmentCode: 'space-agency' }, 'unknown-department'],
    ['a date in the future', { heldOn: '2012-04-02' }, 'held-on-in-future'],
    ['no reason', { reason: '' }, 'invalid-request'],
    ['no materials', { materials: undefined }, 'invalid-request'],
  ])('refuses %s with a 400 naming it, appending nothing', async (_, over, code) => {
    const before = await logLength(app);
    const refused = await post('/activities')
      .send({ ...body, ...over })
      .expect(400)
      .expect('content-type', /problem\+json/);
    expect(refused.body.code).toBe(code);
    expect(await logLength(app)).toBe(before);
  });

  it("lets a district's staff record only in their district", async () => {
    const xixia = await app.token('provider', { ou: '640105', department: 'health' });
    await post('/activities').set('Authorization', `Bearer ${xixia}`).send(body).expect(403);
    await post('/activities')
      .set('Authorization', `Bearer ${xixia}`)
      .send({ ...body, orgUnitCode: '640105001' })
      .expect(201);
  });

  it("lets a district's staff read, correct and cancel its own activities, and answers another district's as missing", async () => {
    const xingqing = `Bearer ${await app.token('provider', { ou: '640104', department: 'health' })}`;
    const xixia = `Bearer ${await app.token('registrar', { ou: '640105' })}`;
    const township = `Bearer ${await app.token('registrar', { ou: '640104001' })}`;
    const { body: created } = await post('/activities').set('Authorization', xingqing).send(body).expect(201);
    const id = created.activityId;
    const before = await logLength(app);
    const refusals = [
      await request(app.http).get(`/activities/${id}`).set('Authorization', xixia),
      await post(`/activities/${id}/correction`).set('Authorization', xixia).send({ attendance: 1, reason: 'not ours' }),
      await post(`/activities/${id}/cancellation`).set('Authorization', xixia).send({ reason: 'not ours' }),
    ];
    const missing = await request(app.http).get(`/activities/${randomUUID()}`).set('Authorization', xixia);
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
      [404, 'not-found'],
      [404, 'not-found'],
      [404, 'not-found'],
    ]);
    expect(refusals[0].body).toEqual(missing.body);
    expect(await logLength(app)).toBe(before);
    await request(app.http).get(`/activities/${id}`).set('Authorization', township).expect(200);
    await post(`/activities/${id}/correction`).set('Authorization', xingqing).send({ attendance: 231, reason: 'recount' }).expect(201);
    await post(`/activities/${id}/cancellation`).set('Authorization', township).send({ reason: 'entered twice' }).expect(201);
    const read = await request(app.http).get(`/activities/${id}`).set('Authorization', xingqing).expect(200);
    expect(read.body.state).toMatchObject({ status: 'Cancelled', attendance: 231 });
  });

  it('keeps a city-level activity to whole-city tokens', async () => {
    const { body: created } = await post('/activities')
      .send({ ...body, orgUnitCode: '640100' })
      .expect(201);
    const district = `Bearer ${await app.token('registrar', { ou: '640104' })}`;
    await request(app.http).get(`/activities/${created.activityId}`).set('Authorization', district).expect(404);
    await request(app.http)
      .get(`/activities/${created.activityId}`)
      .set('Authorization', `Bearer ${await app.token('registrar')}`)
      .expect(200);
  });
  it("lets no scoped token choose an activity's id: answered by existence, it would tell that id is taken elsewhere", async () => {
    const elsewhere = (await post('/activities').send(body).expect(201)).body.activityId;
    const township = `Bearer ${await app.token('registrar', { ou: '640105' })}`;
    const before = await logLength(app);
    const refused = await post('/activities')
      .set('Authorization', township)
      .send({ ...body, orgUnitCode: '640105001', activityId: elsewhere })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'activityId', rule: 'chosenByService', message: expect.stringContaining('chosen by the service') },
    ]);
    expect(await logLength(app)).toBe(before);
    const chosen = await post('/activities')
      .set('Authorization', township)
      .send({ ...body, orgUnitCode: '640105001' })
      .expect(201);
    expect(chosen.body.activityId).not.toBe(elsewhere);
  });
});
