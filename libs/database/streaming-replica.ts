/**
 * A PostgreSQL streaming replica of a running cluster on this machine, made the way a DBA would without
 * pg_basebackup (the embedded binaries ship only initdb, pg_ctl and postgres): a non-exclusive base backup
 * (`pg_backup_start`, copy the files, `pg_backup_stop` and its backup_label), then `standby.signal` and
 * `primary_conninfo`, so the copy starts in recovery and streams the primary's WAL. For the read-replica
 * tests and benchmarks; production replicas are the DBA's.
 */
import { appendFileSync, chmodSync, chownSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { serverUser, startCluster, stopCluster } from './pg-cluster';

export interface StreamingReplica {
  /** Admin URL of the replica (same credentials as the primary's). */
  adminUrl: string;
  stop(): Promise<void>;
}

const NOT_COPIED = new Set(['postmaster.pid', 'postmaster.opts', 'family-ledger-server.log']);

export async function startStreamingReplica(primaryAdminUrl: string, primaryDataDir: string, dataDir: string): Promise<StreamingReplica> {
  const user = await serverUser();
  const primary = new Client({ connectionString: primaryAdminUrl });
  await primary.connect();
  let settings: string[];
  try {
    settings = await settingsAStandbyMustMatch(primary);
    // The backup must start and stop in one session; the files copied between are made consistent by replay.
    await primary.query(`SELECT pg_backup_start('family-ledger-replica', true)`);
    cpSync(primaryDataDir, dataDir, { recursive: true, filter: (source) => !NOT_COPIED.has(source.split('/').pop() ?? '') });
    const [{ labelfile }] = (await primary.query(`SELECT labelfile FROM pg_backup_stop(false)`)).rows as { labelfile: string }[];
    writeFileSync(join(dataDir, 'backup_label'), labelfile);
  } finally {
    await primary.end();
  }
  chmodSync(dataDir, 0o700);
  const url = new URL(primaryAdminUrl);
  const conninfo = `host=${url.hostname} port=${url.port} user=${decodeURIComponent(url.username)} password=${decodeURIComponent(url.password)}`;
  writeFileSync(join(dataDir, 'standby.signal'), '');
  appendFileSync(join(dataDir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo.replace(/'/g, "''")}'\n`);
  // The server runs as its own user when this process is root: the copy must be its, as the original is.
  if (user.uid !== undefined) chownTree(dataDir, user.uid, user.gid!);
  const port = await freePort();
  await startCluster(dataDir, port, ['-c', 'listen_addresses=127.0.0.1', '-c', 'hot_standby=on', ...settings], user);
  url.port = String(port);
  return {
    adminUrl: url.toString(),
    stop: async () => {
      await stopCluster(dataDir, user).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A standby refuses to recover with fewer of these than its primary has (PostgreSQL's hot-standby rule). */
const MATCHED = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'];

async function settingsAStandbyMustMatch(primary: Client): Promise<string[]> {
  const { rows } = await primary.query(`SELECT name, setting FROM pg_settings WHERE name = ANY($1)`, [MATCHED]);
  return (rows as { name: string; setting: string }[]).flatMap(({ name, setting }) => ['-c', `${name}=${setting}`]);
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}
