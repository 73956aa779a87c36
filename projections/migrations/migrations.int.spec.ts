/**
 * The read models' migration history without the first slice's CategoryCounts1764547400000 (its tables were
 * dropped by ProjectionCopies1764562000000): a fresh database no longer creates them, and a database that
 * ran it (its row in public.migrations) opens as before.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '@libs/database/data-source';
import { adminUrl, createTestDatabase, databaseUrl, withAdmin } from '@libs/testing/test-database';
import { databaseSchema } from '../index';

describe('read-model migrations', () => {
  it('migrate an empty database without ever creating the read_models tables', async () => {
    const name = `family_ledger_test_${randomBytes(6).toString('hex')}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
    const dataSource = await openDatabase(databaseUrl(adminUrl(), name), databaseSchema);
    try {
      const ran: { name: string }[] = await dataSource.query(`SELECT name FROM public.migrations ORDER BY id`);
      expect(ran.map((m) => m.name)).not.toContain('CategoryCounts1764547400000');
      expect(ran.map((m) => m.name)).toContain('ReadModels1764562100000');
      const [{ schemas }] = await dataSource.query(`SELECT count(*)::int AS schemas FROM pg_namespace WHERE nspname = 'read_models'`);
      expect(schemas).toBe(0);
      const views: { table_name: string }[] = await dataSource.query(
        `SELECT table_name FROM information_schema.views WHERE table_schema = 'reporting'`,
      );
      expect(views.map((v) => v.table_name)).toContain('household_counts');
    } finally {
      await dataSource.destroy();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });

  it('open a database that ran the removed migration, with nothing left to run', async () => {
    const database = await createTestDatabase();
    try {
      await withAdmin(async (client) => {
        await client.query(`INSERT INTO public.migrations (timestamp, name) VALUES (1764547400000, 'CategoryCounts1764547400000')`);
      }, database.url);
      const dataSource = await openDatabase(database.url, databaseSchema);
      try {
        expect(await dataSource.showMigrations()).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await database.drop();
    }
  });
});
