/**
 * A fresh, migrated database for a benchmark run: on BENCH_DATABASE_URL's server when given (its database
 * name must contain "bench"), else on an embedded PostgreSQL started for the run and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/data-source';
import { databaseSchema } from '../../projections/index';

export interface BenchDatabase {
  url: string;
  server: 'embedded' | 'BENCH_DATABASE_URL';
  /** Another fresh, migrated database on the same server (a section's own log), dropped by close(). */
  another(): Promise<string>;
  close(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  let adminUrl: string;
  let stopServer = async () => undefined as void;
  if (given) {
    if (!new URL(given).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
    adminUrl = given;
  } else {
    const { startEmbeddedPostgres } =
      require('../../libs/database/embedded-postgres') as typeof import('../../libs/database/embedded-postgres');
    const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-bench-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const names: string[] = [];
  const create = async () => {
    const name = `family_ledger_bench_${process.pid}_${Date.now()}_${names.length}`;
    await admin(adminUrl, `CREATE DATABASE ${name}`);
    names.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await runMigrations(url.toString(), databaseSchema);
    return url.toString();
  };
  return {
    url: await create(),
    server: given ? 'BENCH_DATABASE_URL' : 'embedded',
    another: create,
    close: async () => {
      for (const name of names) await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await stopServer();
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
