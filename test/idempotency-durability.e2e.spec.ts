/**
 * An answer with an Idempotency-Key is sent only once its record is committed. The database connection that
 * holds the key's claim is terminated (pg_terminate_backend, as a restart or crash of PostgreSQL does)
 * after the command appended and the record was inserted, before the commit: the client must not get a
 * success, and its retry with the same key then answers from the events already written.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import { householdStream } from '@libs/domain/household';
import { startTestApp, TestApp } from './support/test-app';

/** Kills the claim's connection right after the record's INSERT, and waits until the app has noticed. */
class TerminateAfterRecordInsert implements EntitySubscriberInterface {
  armed = false;
  fired = 0;
  constructor(private readonly url: string) {}

  async afterQuery(event: AfterQueryEvent): Promise<void> {
    if (!this.armed || !/^INSERT INTO idempotency\.keys/.test(event.query)) return;
    this.armed = false;
    this.fired++;
    const backend = (event.queryRunner as unknown as { databaseConnection: { processID: number } }).databaseConnection.processID;
    const admin = new Client({ connectionString: this.url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [backend]);
    await admin.end();
    const deadline = Date.now() + 5000;
    while (!event.queryRunner.isReleased && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('an idempotent answer and its record', () => {
  let app: TestApp;
  let hook: TerminateAfterRecordInsert;
  beforeAll(async () => {
    app = await startTestApp();
    hook = new TerminateAfterRecordInsert(app.database.url);
    app.runtime.dataSource.subscribers.push(hook);
  });
  afterAll(() => app.close());

  const enrol = (key: string, householdId: string) =>
    request(app.http)
      .post('/households')
      .set('Idempotency-Key', key)
      .send({ householdId, villageCode: '640105002001', category: 'stable', members: 2, head: { name: 'Na Ying' }, enrolmentYear: 2012 });

  const stored = async (key: string) =>
    Number((await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM idempotency.keys WHERE key LIKE '%' || $1`, [key]))[0].n);

  it('never answers a success whose record was lost with the connection', async () => {
    const key = randomUUID();
    const householdId = randomUUID();
    hook.armed = true;
    const answer = await enrol(key, householdId);
    expect(hook.fired).toBe(1);
    const recorded = await stored(key);
    // A success is allowed only with its record stored; the fix answers 503 and keeps nothing.
    expect({ status: answer.status, recorded }).toEqual({ status: 503, recorded: 0 });
    expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(answer.headers['retry-after']).toBeDefined();

    const retried = await enrol(key, householdId).expect(201);
    expect(await stored(key)).toBe(1);
    const replayed = await enrol(key, householdId).expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(retried.body);
    const [{ n }] = await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1`, [
      householdStream(householdId),
    ]);
    expect(n).toBe(1);
  });
});
