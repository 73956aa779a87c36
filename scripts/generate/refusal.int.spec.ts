/**
 * `npm run generate` writes only into an empty log: pointed at one that holds events, it says so (where,
 * and what to do instead), exits non-zero, and appends nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../libs/event-store/contract/event-store.contract';
import { PostgresEventStore } from '../../libs/event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../../libs/testing/test-database';

const ROOT = join(__dirname, '../..');

describe('npm run generate on a log that already holds events', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    await store.appendToStream('thing-1', [anEvent()], { expectedRevision: 'no_stream' });
    dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-generate-'));
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses in words, exits non-zero and appends nothing', async () => {
    const run = spawnSync(
      process.execPath,
      ['-r', './scripts/projections/register.js', 'scripts/generate/main.ts', '--households', '5', '--years', '1', '--seed', '1'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, EVENTSTORE_URL: '' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/already holds events/);
    expect(run.stderr).toMatch(/writes only into an empty log/);
    expect(run.stderr).toMatch(/another DATA_DIR.*--database-url/);
    expect(run.stdout).not.toMatch(/generating seed/);
    expect(await store.readAll({ maxCount: 10 })).toHaveLength(1);
  }, 120_000);
});
