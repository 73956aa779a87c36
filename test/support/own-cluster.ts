/**
 * A PostgreSQL server of a test's own, for tests that stop it under the service (pg_ctl -m immediate, as a
 * crash would) and start it again: never the run's shared server, which every other test file uses.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@libs/database/free-port';
import { generatePassword } from '@libs/database/cluster-password';
import { initCluster, serverUser, startCluster, stopCluster } from '@libs/database/pg-cluster';

const FLAGS = ['-c', 'listen_addresses=127.0.0.1'];

export interface OwnCluster {
  /** The URL of `database`, created empty on the server. */
  url: string;
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if it runs and removes its files. */
  remove(): Promise<void>;
}

export async function startOwnCluster(name: string, database: string): Promise<OwnCluster> {
  const root = mkdtempSync(join(tmpdir(), `family-ledger-${name}-`));
  chmodSync(root, 0o711);
  const dataDir = join(root, 'pg');
  const user = await serverUser();
  const password = generatePassword();
  const port = await freePort();
  await initCluster(dataDir, password, user);
  await startCluster(dataDir, port, FLAGS, user);
  const admin = new Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const crash = () => stopCluster(dataDir, user, 'immediate');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    crash,
    start: () => startCluster(dataDir, port, FLAGS, user),
    remove: async () => {
      await crash().catch(() => undefined); // already stopped
      rmSync(root, { recursive: true, force: true });
    },
  };
}
