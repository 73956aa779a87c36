/**
 * Each test file gets a database of its own, copied from a migrated template, so the global log it reads
 * holds only what the file wrote. Refuses any database whose name does not contain "test".
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'family_ledger_test_template';

export function adminUrl(): string {
  const url = process.env.FAMILY_LEDGER_TEST_ADMIN_URL;
  if (!url) throw new Error('FAMILY_LEDGER_TEST_ADMIN_URL is not set: run the tests through jest (npm test)');
  return url;
}

export function databaseUrl(serverUrl: string, database: string): string {
  assertTestDatabase(database);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function assertTestDatabase(database: string): void {
  if (!database.includes('test')) throw new Error(`refusing to use database "${database}": its name does not contain "test"`);
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `family_ledger_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    name,
    url: databaseUrl(adminUrl(), name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>, url = adminUrl()): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
