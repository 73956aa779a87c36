/** A smoke run of the append benchmark at tiny sizes, so `npm run bench` keeps working. Not a timing test. */
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchAppends } from './appends';

describe('append benchmark (smoke run)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.BENCH_QUIET = '1';
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('measures every case and its baseline', async () => {
    const results = await benchAppends(database.url, {
      singleOps: 20, batchOps: 4, batchSize: 10, concurrencies: [1, 4], batchConcurrency: 2, lagEvents: 10, lagIntervalMs: 1, repeats: 1,
    });
    expect(results.single.map((s) => s.concurrency)).toEqual([1, 4]);
    for (const s of results.single) {
      expect(s.eventStore.perSecond).toBeGreaterThan(0);
      expect(s.plainInsert.perSecond).toBeGreaterThan(0);
    }
    expect(results.batch.copy.perSecond).toBeGreaterThan(0);
    expect(results.subscriberLag.events).toBe(10);
    expect(Number.isFinite(results.subscriberLag.p99Ms)).toBe(true);
  });
});
