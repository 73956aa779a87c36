/** A smoke run of the read-side benchmark at a tiny size, so `npm run bench -- projections` keeps working. */
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchProjections } from './projections';

describe('read-side benchmark (smoke run)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.BENCH_QUIET = '1';
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads a log, rebuilds every read model and times the five indicator queries', async () => {
    const results = await benchProjections(database.url, { events: 500, repeats: 2, lag: { eventsPerSecond: 200, seconds: 1 } });
    expect(results.loadedEvents).toBeGreaterThanOrEqual(500);
    expect(results.rebuild.projections.length).toBeGreaterThanOrEqual(5);
    expect(results.rebuild.projections.every((r) => r.parked === 0)).toBe(true);
    // The generated log holds households, loans and supervision; group activities are not generated yet.
    const fed = results.rebuild.projections.filter((r) => r.projection !== 'activity-counts');
    expect(fed.every((r) => r.events > 0)).toBe(true);
    expect(results.rebuild.baseline.eventsPerSecond).toBeGreaterThan(0);
    expect(results.lag.projectionLag.samples).toBeGreaterThan(0);
    expect(results.lag.baselineSubscriberLag.p50Ms).toBeGreaterThan(0);
    expect(results.queries).toHaveLength(10);
    expect(results.queries.some((q) => q.rows > 0)).toBe(true);
  });
});
