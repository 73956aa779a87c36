/**
 * The set-up of the replica bench (bench/replica.ts): an analysts' API in a child process, and waits on a
 * streaming replica and on read models.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** The analysts' API as `npm start` runs it (built main), in a child process: its own event loop and cores. */
export async function startAnalystsApi(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const main = join(__dirname, '../../apps/api/src/main.js');
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the analysts' API did not start:\n${said.slice(-2000)}`)), 120_000);
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(said);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the analysts' API exited:\n${said.slice(-2000)}`));
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return { url, pid: child.pid!, stop };
}

/** Waits until the analysts' read models reflect the seeded log (minPosition), and answers with that response. */
export async function caughtUp(url: string, path: string, authorization: string, head: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${url}${path}&minPosition=${head}`, { headers: { authorization } });
    if (response.ok) return response;
    if (attempt > 600) throw new Error(`indicators never reflected ${head}: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Resumes replay and waits until the replica has replayed everything the primary has written. */
export async function caughtUpReplica(primaryAdminUrl: string, replicaAdminUrl: string): Promise<void> {
  await sql(replicaAdminUrl, 'SELECT pg_wal_replay_resume()');
  const [{ lsn }] = await sql<{ lsn: string }>(primaryAdminUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
  for (;;) {
    const [{ behind }] = await sql<{ behind: boolean }>(replicaAdminUrl, `SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind`, [lsn]);
    if (!behind) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function sql<T = unknown>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * CPU seconds a process and its children have used (Linux /proc; utime + stime, and the children it has
 * reaped: a PostgreSQL postmaster reaps its backends), or NaN where /proc cannot be read.
 */
export function cpuSeconds(pid: number): number {
  try {
    const ticks = (p: number, reaped: boolean) => {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      // Fields from the state (3rd): utime 14, stime 15, cutime 16, cstime 17 are at 11..14 here.
      const own = Number(fields[11]) + Number(fields[12]);
      return reaped ? own + Number(fields[13]) + Number(fields[14]) : own;
    };
    const living = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
        } catch {
          return false;
        }
      });
    return (ticks(pid, true) + living.reduce((sum, child) => sum + ticks(Number(child), false), 0)) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** USER_HZ: 100 on every Linux the project runs on. */
const TICKS_PER_SECOND = 100;

/** The postmaster's pid of a cluster: the first line of its postmaster.pid. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}
