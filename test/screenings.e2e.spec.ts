/**
 * The birth-defect screening chain over HTTP: registered and stepped through (If-Match, Idempotency-Key),
 * refusals are problem+json that append nothing, staff act only in their area, and an erased person's
 * record takes no further step while their personal data reads `[erased]` and never lay in the clear.
 * The indicators count the chain and withhold small cells from analysts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const tag = randomBytes(4).toString('hex');
const NAME = `Li Xiaohong ${tag}`;
const FINDING = `trisomy risk 1 in 90 ${tag}`;
const couple = {
  villageCode: '640104001001',
  subjectKind: 'couple',
  person: {
    name: NAME,
    idNumber: `64010419900101${tag.slice(0, 4)}`,
    partnerName: `Wang Gang ${tag}`,
    partnerIdNumber: '640104198801010011',
  },
  occurredAt: '2012-05-20T02:00:00.000Z',
};
const on = '2012-05-18';
const at = '2012-05-20T02:00:00.000Z';

describe('the screening chain', () => {
  let app: TestApp;
  const post = (path: string) => request(app.http).post(path);
  const register = async (over: object = {}) =>
    (
      await post('/screenings')
        .send({ ...couple, ...over })
        .expect(201)
    ).body.screeningId as string;

  // The service's own output, to check that no personal or health detail ever reaches a log.
  const output: string[] = [];
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const capture = (write: typeof process.stdout.write) =>
    ((chunk: string | Uint8Array, ...rest: never[]) => (output.push(String(chunk)), write(chunk, ...rest))) as typeof process.stdout.write;

  beforeAll(async () => {
    process.stdout.write = capture(writes.out);
    process.stderr.write = capture(writes.err);
    app = await startTestApp({ projector: true });
  });
  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await app.close();
  });

  it('registers a couple once however often the request is sent', async () => {
    const key = randomUUID();
    const first = await post('/screenings').set('Idempotency-Key', key).send(couple).expect(201);
    const again = await post('/screenings').set('Idempotency-Key', key).send(couple).expect(201);
    expect(again.body).toEqual(first.body);
    const events = await app.runtime.eventStore.readStream(`screening-${first.body.screeningId}`);
    expect(events.map((e) => e.type)).toEqual(['ScreeningSubjectRegistered']);
  });

  it('walks the chain from the check to the outcome, If-Match guarding each step', async () => {
    const id = await register();
    const check = await post(`/screenings/${id}/pre-pregnancy-check`).set('If-Match', '"0"').send({ on, result: 'normal', occurredAt: at });
    expect(check.status).toBe(201);
    await post(`/screenings/${id}/five-item-tests`).set('If-Match', '"0"').send({ on, result: 'normal', occurredAt: at }).expect(412);
    await post(`/screenings/${id}/five-item-tests`).set('If-Match', '"1"').send({ on, result: 'abnormal', occurredAt: at }).expect(201);
    await post(`/screenings/${id}/two-item-screenings`).send({ on, result: 'abnormal', occurredAt: at }).expect(201);
    await post(`/screenings/${id}/high-risk-finding`).send({ on, finding: FINDING, occurredAt: at }).expect(201);
    await post(`/screenings/${id}/counselling-offer`).send({ on, occurredAt: at }).expect(201);
    await post(`/screenings/${id}/counselling`).send({ on, advice: 'prenatal diagnosis', occurredAt: at }).expect(201);
    const last = await post(`/screenings/${id}/outcome`).send({ on, outcome: 'healthy-birth', occurredAt: at }).expect(201);
    expect(last.body).toMatchObject({ screeningId: id, revision: 7 });
    const read = await request(app.http).get(`/screenings/${id}`).expect(200).expect('ETag', '"7"');
    expect(read.body.state).toEqual({
      status: 'Closed',
      screeningId: id,
      villageCode: couple.villageCode,
      subjectKind: 'couple',
      checked: true,
      highRisk: true,
      counsellingOffered: true,
      counselled: true,
    });
    expect(JSON.stringify(read.body)).not.toContain(tag);
  });

  it('refuses counselling without a high-risk finding, and bad input, appending nothing', async () => {
    const id = await register();
    const cases: [string, object, number, string][] = [
      [`/screenings/${id}/counselling-offer`, { on, occurredAt: at }, 409, 'high-risk-finding-required'],
      [`/screenings/${id}/counselling`, { on, advice: 'x', occurredAt: at }, 409, 'high-risk-finding-required'],
      [`/screenings/${id}/five-item-tests`, { on: '2012-05-21', result: 'normal', occurredAt: at }, 400, 'date-in-future'],
      [`/screenings/${id}/five-item-tests`, { on, result: 'fine', occurredAt: at }, 400, 'invalid-request'],
      [`/screenings/${randomUUID()}/five-item-tests`, { on, result: 'normal', occurredAt: at }, 404, 'screening-not-found'],
      ['/screenings', { ...couple, villageCode: '640199001001' }, 400, 'unknown-village'],
      ['/screenings', { ...couple, person: { name: NAME, idNumber: '1' } }, 400, 'partner-required'],
    ];
    for (const [path, body, status, code] of cases) {
      const before = await logLength(app);
      const refused = await post(path)
        .send(body)
        .expect(status)
        .expect('content-type', /problem\+json/);
      expect([path, refused.body.code]).toEqual([path, code]);
      // No personal field is ever echoed in a refusal.
      expect(JSON.stringify(refused.body)).not.toContain(tag);
      expect(await logLength(app)).toBe(before);
    }
  });

  it("lets a district's staff act only on the records of their district", async () => {
    const id = await register();
    const xixia = await app.token('provider', { ou: '640105', department: 'health' });
    const xingqing = await app.token('provider', { ou: '640104', department: 'health' });
    const before = await logLength(app);
    await post('/screenings').set('Authorization', `Bearer ${xixia}`).send(couple).expect(403);
    await post(`/screenings/${id}/five-item-tests`)
      .set('Authorization', `Bearer ${xixia}`)
      .send({ on, result: 'normal', occurredAt: at })
      .expect(404);
    await request(app.http).get(`/screenings/${id}`).set('Authorization', `Bearer ${xixia}`).expect(404);
    await request(app.http)
      .get(`/screenings/${id}`)
      .set('Authorization', `Bearer ${await app.token('analyst')}`)
      .expect(403);
    expect(await logLength(app)).toBe(before);
    await post(`/screenings/${id}/five-item-tests`)
      .set('Authorization', `Bearer ${xingqing}`)
      .send({ on, result: 'normal', occurredAt: at })
      .expect(201);
  });

  it('erases a person: their data reads [erased], never lay in the clear, and no step follows', async () => {
    const id = await register();
    await post(`/screenings/${id}/high-risk-finding`).send({ on, finding: FINDING, occurredAt: at }).expect(201);
    const raw = await app.runtime.dataSource.query(`SELECT data::text AS data FROM event_store.events WHERE stream_id = $1`, [
      `screening-${id}`,
    ]);
    expect(raw.length).toBe(2);
    expect(JSON.stringify(raw)).not.toContain(tag);
    const registrar = await app.token('registrar');
    await post(`/screenings/${id}/erasure`)
      .set('Authorization', `Bearer ${registrar}`)
      .send({ legalBasis: 'consent-withdrawn' })
      .expect(403);
    const erased = await post(`/screenings/${id}/erasure`).send({ legalBasis: 'consent-withdrawn', reference: 'REQ-2012/9' }).expect(200);
    expect(erased.body).toEqual({ screeningId: id, personalData: 'erased', legalBasis: 'consent-withdrawn' });
    await post(`/screenings/${id}/erasure`).send({ legalBasis: 'consent-withdrawn' }).expect(200);
    const events = await app.runtime.eventStore.readStream(`screening-${id}`);
    expect(events.map((e) => e.type)).toEqual(['ScreeningSubjectRegistered', 'HighRiskFound', 'ScreeningPersonErased']);
    expect(events[0].data.person).toEqual({ name: '[erased]', idNumber: '[erased]', partnerName: '[erased]', partnerIdNumber: '[erased]' });
    expect(events[1].data.finding).toBe('[erased]');

    const before = await logLength(app);
    const refused = await post(`/screenings/${id}/counselling-offer`).send({ on, occurredAt: at }).expect(409);
    expect(refused.body.code).toBe('person-erased');
    expect(await logLength(app)).toBe(before);
  });

  it('sends a subscriber without the pii scope the facts of the chain, never the person or a result', async () => {
    const id = await register();
    await post(`/screenings/${id}/high-risk-finding`).send({ on, finding: FINDING, occurredAt: at }).expect(201);
    const subscriber = `Bearer ${await app.token('subscriber')}`;
    const { body } = await request(app.http).get(`/feed/events?streams=screening-${id}`).set('Authorization', subscriber).expect(200);
    expect(body.events.map((e: { type: string; data: object }) => [e.type, e.data])).toEqual([
      ['ScreeningSubjectRegistered', { screeningId: id, villageCode: couple.villageCode, subjectKind: 'couple' }],
      ['HighRiskFound', { screeningId: id, villageCode: couple.villageCode, on }],
    ]);
    const pii = `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}`;
    const full = await request(app.http).get(`/feed/events?streams=screening-${id}`).set('Authorization', pii).expect(200);
    expect(full.body.events[1].data.finding).toBe(FINDING);
  });

  it('counts the chain in the indicators by org unit and local month, small cells withheld from analysts', async () => {
    const village = '640121002003';
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await register({ villageCode: village }));
    for (const id of ids) await post(`/screenings/${id}/five-item-tests`).send({ on, result: 'normal', occurredAt: at }).expect(201);
    for (const id of ids.slice(0, 2))
      await post(`/screenings/${id}/high-risk-finding`).send({ on, finding: FINDING, occurredAt: at }).expect(201);
    await post(`/screenings/${ids[0]}/counselling-offer`).send({ on, occurredAt: at }).expect(201);
    // Taken in June: counted in May, the month of the finding.
    await post(`/screenings/${ids[0]}/counselling`)
      .send({ on: '2012-06-02', advice: 'x', occurredAt: '2012-06-03T02:00:00.000Z' })
      .expect(201);
    const read = async (name: string, token?: string) => {
      const call = request(app.http).get(`/indicators/${name}?ou=640121&pe=201205`);
      const { body } = await (token ? call.set('Authorization', `Bearer ${token}`) : call).expect(200);
      return body.rows.map((r: { numerator: number | null; denominator: number | null; suppressed?: true }) => [
        r.numerator,
        r.denominator,
        r.suppressed ?? false,
      ]);
    };
    await eventually(async () => expect(await read('counselling-rate')).toEqual([[1, 2, false]]));
    expect(await read('five-item-tests')).toEqual([[6, null, false]]);
    expect(await read('high-risk-findings')).toEqual([[2, null, false]]);
    const analyst = await app.token('analyst');
    // Six tests, yet withheld: the complement of Xingqing's few May tests (earlier tests), which the city's total
    // less this district would give back.
    expect(await read('five-item-tests', analyst)).toEqual([[null, null, true]]);
    expect(await read('high-risk-findings', analyst)).toEqual([[null, null, true]]);
    expect(await read('counselling-rate', analyst)).toEqual([[null, 2, true]]);
  });

  it('wrote no name, ID number or finding to its output all along', () => {
    expect(output.join('')).not.toContain(tag);
  });
});
