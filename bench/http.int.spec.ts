/** A smoke run of the HTTP benchmark at tiny sizes, so `npm run bench` keeps working. Not a timing test. */
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchHttp } from './http';

describe('HTTP command benchmark (smoke run)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.BENCH_QUIET = '1';
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  // Three seconds a case: under a loaded machine a one-second window could close before any answer came back.
  it('answers every enrolment, delivery and baseline request with a success, next to the trivial baseline', async () => {
    const results = await benchHttp(database.url, { durationSeconds: 3, connections: 4, households: 20, repeats: 1 });
    expect(results.cases.map((c) => c.case)).toEqual([
      'GET /audit/public-key (baseline)',
      'POST /households (enrol)',
      'POST /households/:id/services (deliver)',
    ]);
    for (const c of results.cases) {
      expect(c.requests).toBeGreaterThan(0);
      expect({ case: c.case, errors: c.errors, non2xx: c.non2xx }).toEqual({ case: c.case, errors: 0, non2xx: 0 });
    }
    expect(results.cases[1].ratioToBaseline).toBeGreaterThan(0);
  });
});
