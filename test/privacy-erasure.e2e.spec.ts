/**
 * Crypto-shredding end to end: after `POST /households/{id}/erasure` the household's personal data
 * cannot be found anywhere: not in any answer of any GET endpoint, the feed, a consumer group, the audit
 * history or export, any table of the database (the raw event log included), nor in the service's output.
 * The events stay, and their hash chain still verifies.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { apiRoutes, baseUrl, concretePath, createFixtures, Fixtures, send } from './support/access-fixtures';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const tag = randomBytes(4).toString('hex');
const SECRETS = {
  head: `Zhang Xiuying ${tag}`,
  need: `asthma inhaler for her son ${tag}`,
  phone: '13912345678',
  reason: `hospital debts of ${tag}`,
};

describe('erasing a household', () => {
  let app: TestApp;
  let base: string;
  let fixtures: Fixtures;
  const output: string[] = [];
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  /** Every text of every table in the database, one row per line. */
  async function wholeDatabase(): Promise<string> {
    const tables: { schema: string; name: string }[] = await app.runtime.dataSource.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const texts: string[] = [];
    for (const { schema, name } of tables) {
      const quoted = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
      const rows: { row: string }[] = await app.runtime.dataSource.query(`SELECT t::text AS row FROM ${quoted} t`);
      texts.push(...rows.map((r) => `${schema}.${name}: ${r.row}`));
    }
    return texts.join('\n');
  }

  const found = (text: string) => Object.values(SECRETS).filter((secret) => text.includes(secret));

  beforeAll(async () => {
    // The service's own output is captured to check that personal data never reaches a log.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
      output.push(String(chunk)),
      writes.out(chunk, ...rest)
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
      output.push(String(chunk)),
      writes.err(chunk, ...rest)
    )) as typeof process.stderr.write;
    app = await startTestApp({ projector: true });
    base = await baseUrl(app);
    fixtures = await createFixtures(app, base, { head: SECRETS.head, need: SECRETS.need });
    await request(app.http).post(`/loans/${fixtures.loanId}/default`).send({ reason: SECRETS.reason }).expect(200);
    await request(app.http)
      .put('/consumer-groups/erasure-check')
      .send({ filter: { streams: ['household-', 'loan-'] } })
      .expect(201);
  });
  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await app.close();
  });

  it('never stores personal data in the clear, even before erasure', async () => {
    const raw = await app.runtime.dataSource.query(`SELECT data::text AS data FROM event_store.events`);
    expect(raw.length).toBeGreaterThan(3);
    expect(found(raw.map((r: { data: string }) => r.data).join('\n'))).toEqual([]);
    expect(found(await wholeDatabase())).toEqual([]);
  });

  const history = () =>
    request(app.http)
      .get(`/audit/streams/household-${fixtures.householdId}/history`)
      .expect(200)
      .then((r) => JSON.stringify(r.body));

  it('shows the personal data to an admin before erasure', async () => {
    expect(await history()).toContain(SECRETS.head);
    expect(await history()).toContain(SECRETS.need);
  });

  it('refuses erasure without a legal basis, by a non-admin, and of an unknown household', async () => {
    const path = `/households/${fixtures.householdId}/erasure`;
    await request(app.http).post(path).send({}).expect(400);
    await request(app.http).post(path).send({ legalBasis: 'because' }).expect(400);
    await request(app.http)
      .post(path)
      .set('Authorization', `Bearer ${await app.token('registrar')}`)
      .send({ legalBasis: 'purpose-achieved' })
      .expect(403);
    await request(app.http).post(`/households/${fixtures.caseId}/erasure`).send({ legalBasis: 'purpose-achieved' }).expect(404);
    expect(await history()).toContain(SECRETS.head);
  });

  it('leaves no trace of the personal data on any surface once erased', async () => {
    const before = await logLength(app);
    const erased = await request(app.http)
      .post(`/households/${fixtures.householdId}/erasure`)
      .send({ legalBasis: 'purpose-achieved', reference: 'ORDER-2015/7' })
      .expect(200);
    expect(erased.body).toEqual({ householdId: fixtures.householdId, personalData: 'erased', legalBasis: 'purpose-achieved' });
    expect(await logLength(app)).toBe(before);

    const [enrolled] = await app.runtime.eventStore.readStream(`household-${fixtures.householdId}`);
    expect(enrolled.data.head).toEqual({ name: '[erased]', phone: '[erased]' });
    expect(await history()).toContain('[erased]');

    const answers: string[] = [];
    for (const route of apiRoutes(app).filter((r) => r.method === 'GET')) {
      const answer = await send(base, 'GET', concretePath(route, fixtures), {
        headers: { Authorization: `Bearer ${await app.token('admin', { scopes: ['pii'] })}`, 'X-Purpose': 'erasure check' },
      });
      answers.push(`${route.path}: ${answer.body}`);
    }
    const claimed = await request(app.http).post('/consumer-groups/erasure-check/claim').send({ consumer: 'c1', max: 100 }).expect(200);
    answers.push(JSON.stringify(claimed.body));
    answers.push(JSON.stringify((await request(app.http).get('/feed/events?limit=1000')).body));
    answers.push((await request(app.http).get(`/audit/streams/household-${fixtures.householdId}/export`)).text);
    answers.push((await request(app.http).get(`/audit/streams/loan-${fixtures.loanId}/export`)).text);
    expect(found(answers.join('\n'))).toEqual([]);

    // Projections read the log after erasure as well: what they hold (and anything else in the database) is clean.
    await eventually(async () =>
      expect((await request(app.http).get('/health')).body.projections.every((p: { eventsBehind: number }) => p.eventsBehind === 0)).toBe(
        true,
      ),
    );
    expect(found(await wholeDatabase())).toEqual([]);
    expect(found(output.join(''))).toEqual([]);
  });

  it('still verifies the hash chain of the erased household', async () => {
    const verify = await request(app.http).get(`/audit/streams/household-${fixtures.householdId}/verify`).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('goes on recording facts about the erased household but keeps no new personal data', async () => {
    const need = await request(app.http)
      .post(`/households/${fixtures.householdId}/needs`)
      .send({ focusArea: 'health', kind: 'care', description: `new details ${tag}` })
      .expect(201);
    const events = await app.runtime.eventStore.readStream(`household-${fixtures.householdId}`);
    expect(events.find((e) => e.data.needId === need.body.needId)?.data.description).toBe('[erased]');
    expect(found(await wholeDatabase())).toEqual([]);
    expect(await wholeDatabase()).not.toContain(`new details ${tag}`);
  });

  it('answers a second erasure the same way, and refuses to restrict erased data', async () => {
    await request(app.http).post(`/households/${fixtures.householdId}/erasure`).send({ legalBasis: 'purpose-achieved' }).expect(200);
    const restricted = await request(app.http)
      .post(`/households/${fixtures.householdId}/restriction`)
      .send({ legalBasis: 'dispute-pending' })
      .expect(409);
    expect(restricted.body.code).toBe('personal-data-erased');
    const decisions = await app.runtime.dataSource.query(
      `SELECT action, legal_basis, reference, actor FROM personal_data.key_decisions WHERE key_id = $1 ORDER BY id`,
      [fixtures.householdId],
    );
    expect(decisions[0]).toEqual({ action: 'erased', legal_basis: 'purpose-achieved', reference: 'ORDER-2015/7', actor: 'test-admin' });
  });
});
