/**
 * The set-up of the replica bench (bench/replica.ts): an analysts' API in a child process, and waits on a
 * streaming replica and on read models.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

/** The analysts' API as `npm start` runs it (built main), in a child process: its own event loop and cores. */
export async function startAnalystsApi(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
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
  return { url, stop };
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
