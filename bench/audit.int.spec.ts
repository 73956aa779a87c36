/** A smoke run of the audit benchmark at tiny sizes, so `npm run bench` keeps working. Not a timing test. */
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchAudit } from './audit';

describe('audit benchmark (smoke run)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.BENCH_QUIET = '1';
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('verifies the whole generated log intact, next to reading it, and replays a case of the size asked', async () => {
    const results = await benchAudit(database.url, { households: 30, caseEvents: 100, pageSize: 200, repeats: 1 });
    expect(results.logEvents).toBeGreaterThan(30 * 20);
    expect(results.verifyWholeLog.intact).toBe(true);
    expect(results.verifyWholeLog.eventsPerSecond).toBeGreaterThan(0);
    expect(results.readWholeLog.eventsPerSecond).toBeGreaterThan(0);
    expect(results.verifierRead.eventsPerSecond).toBeGreaterThan(0);
    expect(results.caseReplay).toMatchObject({ events: 100, verifiedAndFolded: true });
    expect(results.checkpoints).toMatchObject({
      events: results.logEvents + 100,
      nextCheckpointAfter: 1_000,
      verifyAgainstCheckpoints: { intact: true, summary: expect.stringMatching(/^INTACT/) },
    });
  });
});
