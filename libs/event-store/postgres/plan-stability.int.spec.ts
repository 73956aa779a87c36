/**
 * The store's hot statements must use their indexes whatever the table's statistics say. A table analysed
 * while empty (a new database after VACUUM ANALYZE, a restored one, a fixture) makes the planner cost a
 * sequential scan below an index scan; a prepared statement's generic plan then keeps that scan for the
 * connection's life, and appends fall to a fraction of their rate as the table grows.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { EventToAppend } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

const event = (type = 'ThingHappened'): EventToAppend => ({
  id: randomUUID(),
  type,
  data: { n: 1, text: 'x'.repeat(200) },
  metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T08:00:00.000Z' },
});

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Sequential scans of the event table so far, once every backend that scanned it has ended (stats flushed at exit). */
async function sequentialScans(): Promise<number> {
  return withClient(async (client) => {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query(`SELECT seq_scan FROM pg_stat_user_tables WHERE schemaname = 'event_store' AND relname = 'events'`);
    return Number(rows[0].seq_scan);
  });
}

async function untilBackendsEnded(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const busy = await withClient(async (client) => {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      return rows[0].n as number;
    });
    if (busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('appends and reads through indexes after the table was analysed while empty', async () => {
  await withClient((client) => client.query('VACUUM ANALYZE event_store.events'));
  await untilBackendsEnded();
  const before = await sequentialScans();

  const store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
  const streams = Array.from({ length: 40 }, (_, i) => `thing-${i}-${randomUUID()}`);
  for (let round = 0; round < 30; round++) {
    await Promise.all(streams.map((stream, i) => store.appendToStream(stream, [event(i % 2 ? 'ThingHappened' : 'OtherHappened')])));
  }
  for (const stream of streams.slice(0, 10))
    await store.appendToStream(
      stream,
      Array.from({ length: 20 }, () => event()),
    );
  // A refused append (stale revision) and a re-send take the look-up paths.
  await expect(store.appendToStream(streams[0], [event()], { expectedRevision: 0n })).rejects.toThrow();
  const resent = [event()];
  await store.appendToStream(streams[1], resent);
  await store.appendToStream(streams[1], resent);

  for (const stream of streams) await store.readStream(stream);
  await store.readStream(streams[2], { direction: 'backwards', maxCount: 1 });
  let from;
  for (let page = 0; page < 10; page++) {
    const events = await store.readAll({ fromPosition: from, maxCount: 100 });
    if (events.length === 0) break;
    from = events[events.length - 1].position;
  }
  await store.readAll({ filter: { eventTypes: ['OtherHappened'] }, maxCount: 100 });
  await store.readAll({ filter: { streamPrefixes: ['thing-1'] }, maxCount: 100 });
  await store.readAll({ direction: 'backwards', maxCount: 10 });
  await store.headPosition();
  await store.close();

  await untilBackendsEnded();
  expect((await sequentialScans()) - before).toBe(0);
});
