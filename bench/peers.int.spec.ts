/**
 * A smoke run of the peers benchmark at tiny sizes against both stores on real databases, so `npm run bench
 * -- peers` keeps working. Not a timing test; it does check that our store missed nothing in the gap probe.
 */
import { createTestDatabase, TestDatabase } from '../libs/testing/test-database';
import { benchPeers } from './peers/scenarios';

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

it('runs every scenario against family-ledger and Emmett, and our store misses nothing in the gap probe', async () => {
  process.env.BENCH_QUIET = '1';
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database.url;
  };
  const results = await benchPeers(fresh, {
    singleEvents: 40,
    batchEvents: 200,
    batchSize: 10,
    writers: 4,
    readEvents: 2_000,
    probeEvents: 200,
    rounds: 1,
  });
  expect(results.rows).toHaveLength(5);
  for (const row of results.rows) {
    expect(row.ours).toBeGreaterThan(0);
    expect(row.peer).toBeGreaterThan(0);
  }
  expect(results.gapProbe['family-ledger']).toMatchObject({ appended: 200, seen: 200, missed: 0, duplicates: 0 });
  expect(results.gapProbe['Emmett 0.42'].appended).toBe(200);
}, 120_000);
