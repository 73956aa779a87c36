/**
 * The service on a primary with a real PostgreSQL streaming replica (a base backup of a cluster of the
 * test's own, streaming its WAL) as its READ_REPLICA_URL, for the read-replica specs. Replay on the replica
 * can be paused, to make it lag on purpose.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@libs/database/embedded-postgres';
import { startStreamingReplica, StreamingReplica } from '@libs/database/streaming-replica';
import { startTestApp, TestApp } from './support/test-app';

export interface ReplicatedApp {
  app: TestApp;
  /** URL of the service's database on the replica (read-only). */
  replicaUrl: string;
  /** URL of the service's database on the primary. */
  primaryUrl: string;
  onReplica<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Runs `work` with the replica's replay paused: what the primary commits meanwhile is not on the replica. */
  whilePaused<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function startReplicatedApp(database: string, env: Record<string, string> = {}): Promise<ReplicatedApp> {
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-replica-'));
  // Traversable: the clusters run as their own user when the tests run as root.
  chmodSync(dir, 0o711);
  let primary: EmbeddedPostgresHandle | undefined;
  let replica: StreamingReplica | undefined;
  let app: TestApp | undefined;
  const close = async () => {
    await app?.close();
    await replica?.stop();
    await primary?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    primary = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), persistent: false });
    await query(primary.adminUrl, `CREATE DATABASE ${database}`);
    replica = await startStreamingReplica(primary.adminUrl, join(dir, 'primary'), join(dir, 'replica'));
    const primaryUrl = withDatabase(primary.adminUrl, database);
    const replicaUrl = withDatabase(replica.adminUrl, database);
    const drop = async () => undefined; // the cluster is removed whole
    app = await startTestApp({
      projector: true,
      database: { url: primaryUrl, name: database, drop },
      env: { READ_REPLICA_URL: replicaUrl, READ_REPLICA_MAX_WAIT_MS: '5000', ...env },
    });
    const adminOfReplica = replica.adminUrl;
    return {
      app,
      replicaUrl,
      primaryUrl,
      onReplica: (sql, values) => query(replicaUrl, sql, values),
      whilePaused: async (work) => {
        await query(adminOfReplica, 'SELECT pg_wal_replay_pause()');
        try {
          return await work();
        } finally {
          await query(adminOfReplica, 'SELECT pg_wal_replay_resume()');
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function withDatabase(adminUrl: string, database: string): string {
  return Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
}

async function query<T>(url: string, sql: string, values?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}
