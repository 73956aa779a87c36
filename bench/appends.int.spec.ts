/**
 * A smoke run of the append benchmark at tiny sizes, so `npm run bench` keeps working, and a check that its
 * baselines write what the event store writes. Not a timing test.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchAppends } from './appends';
import { benchAnalysedWhileEmpty } from './appends-analysed';
import { BASELINE_TABLES, copyRows, insertRows, rowMaker, SAME_SHAPE } from './appends-baselines';

describe('append benchmark (smoke run)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.BENCH_QUIET = '1';
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('measures every case and its baselines', async () => {
    const results = await benchAppends(database.url, {
      singleOps: 20,
      batchOps: 4,
      batchSize: 10,
      concurrencies: [1, 4],
      batchConcurrency: 2,
      lagEvents: 10,
      lagIntervalMs: 1,
      repeats: 1,
    });
    expect(results.single.map((s) => s.concurrency)).toEqual([1, 4]);
    for (const s of results.single) {
      expect(s.eventStore.perSecond).toBeGreaterThan(0);
      expect(s.plainInsert.perSecond).toBeGreaterThan(0);
      expect(s.narrowInsert.perSecond).toBeGreaterThan(0);
    }
    expect(results.batch.multiRowInsert.perSecond).toBeGreaterThan(0);
    expect(results.batch.narrowMultiRowInsert.perSecond).toBeGreaterThan(0);
    expect(results.batch.copy.perSecond).toBeGreaterThan(0);
    expect(results.subscriberLag.events).toBe(10);
    expect(Number.isFinite(results.subscriberLag.p99Ms)).toBe(true);
  });

  it('measures appends into a table analysed while empty beside plain INSERTs', async () => {
    const results = await benchAnalysedWhileEmpty(database.url, { singleOps: 20, batchOps: 4, batchSize: 10, concurrency: 2, repeats: 1 });
    for (const compared of [results.single, results.batch]) {
      expect(compared.eventStore.perSecond).toBeGreaterThan(0);
      expect(compared.plainInsert.perSecond).toBeGreaterThan(0);
    }
  });
});

describe('append benchmark baselines', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('write the same rows as the event store into a table of its shape, by INSERT and by COPY', async () => {
    const pool = new Pool({ connectionString: database.url });
    try {
      await pool.query(BASELINE_TABLES);
      const next = rowMaker(randomUUID(), () => ({
        id: randomUUID(),
        type: 'ThingHappened',
        data: { text: 'a\\b\tc' },
        metadata: { actor: 'bench' },
      }));
      await insertRows(pool, SAME_SHAPE, next(2));
      await copyRows(pool, next(2));
      const { rows } = await pool.query(
        `SELECT stream_revision, data, length(hash) AS hash_bytes FROM ${SAME_SHAPE} ORDER BY stream_revision`,
      );
      expect(rows).toEqual(
        [0, 1, 2, 3].map((revision) => ({ stream_revision: String(revision), data: { text: 'a\\b\tc' }, hash_bytes: 32 })),
      );
      const indexes = async (table: string) =>
        (
          await pool.query(
            `SELECT array_agg(pg_get_indexdef(indexrelid) ORDER BY pg_get_indexdef(indexrelid)) AS defs FROM pg_index WHERE indrelid = $1::regclass`,
            [table],
          )
        ).rows[0].defs.map((def: string) => def.replace(/^.* USING /, ''));
      expect(await indexes(SAME_SHAPE)).toEqual(await indexes('event_store.events'));
    } finally {
      await pool.end();
    }
  });
});
