/** A smoke run of the read-side benchmark at a tiny size, so `npm run bench -- projections` keeps working. */
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchProjections } from './projections';
import { BENCH_QUERIES } from './queries';

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
    // At 500 events the log holds households, loans and supervision: the city-wide parts (activities,
    // screenings) and support grants scale to nothing, so their read models have nothing to fold.
    const unfed = ['activity-counts', 'screening-counts', 'support-payments'];
    const fed = results.rebuild.projections.filter((r) => !unfed.includes(r.projection));
    expect(fed.filter((r) => r.events === 0).map((r) => r.projection)).toEqual([]);
    expect(results.rebuild.baseline.eventsPerSecond).toBeGreaterThan(0);
    expect(results.lag.projectionLag.samples).toBeGreaterThan(0);
    expect(results.lag.baselineSubscriberLag.p50Ms).toBeGreaterThan(0);
    expect(results.queries).toHaveLength(BENCH_QUERIES.length * 3); // each as JSON, as CSV and as an analyst gets it
    expect(results.queries.some((q) => q.rows > 0)).toBe(true);
  });
});
