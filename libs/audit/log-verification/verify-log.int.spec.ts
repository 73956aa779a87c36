import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../../event-store/event-store.port';
import { verifyChain } from '../../event-store/hash-chain';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { verifyLog } from './verify-log';

const event = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: n % 2 ? 'NeedRecorded' : 'ServiceDelivered',
  data: { n, text: `need ${n} \u00e9\ud83d\ude00 "quoted"`, nested: { list: [n, -0, 1e21, null, true], z: 1, a: 2 } },
  metadata: { actor: 'worker-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T00:00:00.000Z' },
});

describe('whole-log verification', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const streams = ['household-a', 'household-b', 'household-c', 'loan-d', 'case-e'];
  const tamper = (text: string, values: unknown[]) => store.pool.query(text, values);
  const positionOf = async (stream: string, revision: number) => (await store.readStream(stream))[revision].position;

  beforeEach(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url });
    // Interleaved appends, so every page holds several streams and every stream spans several pages.
    let last;
    for (let round = 0; round < 12; round++) {
      for (const [i, stream] of streams.entries())
        last = await store.appendToStream(stream, [event(round * 10 + i), event(round * 10 + i + 5)]);
    }
    // The store's notification of an earlier append, still in its own transaction, holds the visibility limit
    // below the last appends for a moment (by design: it errs low): verify once all 120 are visible.
    while ((await store.headPosition())?.commit !== last!.position.commit) await new Promise((resolve) => setTimeout(resolve, 5));
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it.each([0, 1, 2])('finds every chain of an untouched log intact, page after page, with %i hashing workers', async (workers) => {
    expect(await verifyLog(database.url, { pageSize: 7, workers })).toEqual({ events: 120, intact: true });
  });

  it('covers the events committed after a transaction still open when it starts, once that one ends', async () => {
    // A transaction of this database holding an id holds the gap-safe limit below every later append.
    const open = await store.pool.connect();
    await open.query('BEGIN');
    await open.query('SELECT txid_current()');
    await store.appendToStream('household-late', [event(1), event(2), event(3)]);
    const ended = new Promise((resolve) => setTimeout(resolve, 300)).then(() => open.query('COMMIT'));
    try {
      expect(await verifyLog(database.url, { pageSize: 7, workers: 0 })).toEqual({ events: 123, intact: true });
    } finally {
      await ended;
      open.release();
    }
  });

  it('gives no verdict while a transaction still open hides events below it, rather than one of part of the log', async () => {
    const open = await store.pool.connect();
    await open.query('BEGIN');
    await open.query('SELECT txid_current()');
    await store.appendToStream('household-late', [event(1)]);
    try {
      await expect(verifyLog(database.url, { pageSize: 7, workers: 0, snapshotTries: 3 })).rejects.toThrow(/verify again later/);
    } finally {
      await open.query('COMMIT');
      open.release();
    }
  });

  it('verifies a log that fits in one page', async () => {
    expect(await verifyLog(database.url, { pageSize: 1_000, workers: 2 })).toEqual({ events: 120, intact: true });
  });

  it('verifies an empty log', async () => {
    await tamper('DELETE FROM event_store.events', []);
    expect(await verifyLog(database.url, { pageSize: 7 })).toEqual({ events: 0, intact: true });
  });

  it.each([0, 2])('names the first altered event in log order, with %i hashing workers', async (workers) => {
    await tamper(`UPDATE event_store.events SET data = jsonb_set(data, '{n}', '999') WHERE stream_id = $1 AND stream_revision = 9`, [
      'household-c',
    ]);
    await tamper(
      `UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor}', '"someone"') WHERE stream_id = $1 AND stream_revision = 3`,
      ['loan-d'],
    );
    const verdict = await verifyLog(database.url, { pageSize: 7, workers });
    expect(verdict).toEqual({
      events: 120,
      intact: false,
      firstBreak: { position: await positionOf('loan-d', 3), stream: 'loan-d', revision: 3n, reason: 'hash-mismatch' },
    });
  });

  it('names an event whose previous hash was rewritten, as verifyChain does for its stream', async () => {
    await tamper(
      `UPDATE event_store.events SET previous_hash = decode(repeat('ab', 32), 'hex') WHERE stream_id = $1 AND stream_revision = 14`,
      ['case-e'],
    );
    const verdict = await verifyLog(database.url, { pageSize: 7, workers: 2 });
    expect(verdict.firstBreak).toEqual({
      position: await positionOf('case-e', 14),
      stream: 'case-e',
      revision: 14n,
      reason: 'previous-hash-mismatch',
    });
    expect(verifyChain(await store.readStream('case-e'))).toEqual({ index: 14, reason: 'previous-hash-mismatch' });
  });

  it('names a stream whose first events were deleted by the event it now starts with', async () => {
    // Its chain from there on is intact, and nothing links to what was deleted: only the chain from genesis says so.
    await tamper(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision < 2`, ['loan-d']);
    const verdict = await verifyLog(database.url, { pageSize: 7, workers: 2 });
    expect(verdict).toEqual({
      events: 118,
      intact: false,
      firstBreak: { position: await positionOf('loan-d', 0), stream: 'loan-d', revision: 2n, reason: 'previous-hash-mismatch' },
    });
  });

  it('names an event removed from the middle of its stream by the one after it', async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 5`, ['household-a']);
    const verdict = await verifyLog(database.url, { pageSize: 7, workers: 2 });
    expect(verdict).toMatchObject({
      events: 119,
      intact: false,
      firstBreak: { stream: 'household-a', revision: 6n, reason: 'previous-hash-mismatch' },
    });
  });
});
