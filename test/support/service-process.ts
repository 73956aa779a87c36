/**
 * The service as `npm start` runs it, in a child process on a DATA_DIR of the test's own (the embedded
 * PostgreSQL under it), compiled on the fly like the projector child of the crash test. For the tests of
 * what happens to the process itself: kill -9, restarts, commands run beside it, signals.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runningPostmaster, serverUser, stopCluster } from '@libs/database/pg-cluster';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'scripts/projections/register.js');

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  url: string;
  /** The administrator token printed on the data directory's first start. */
  adminToken?: string;
  exited: Promise<number | null>;
}

/** The environment of a child: the test run's own database settings removed, DATA_DIR set. */
export function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'EVENTSTORE_URL', 'AUTH_PUBLIC_KEY_FILE', 'AUTH_JWKS_URL', 'PII_MASTER_KEY', 'AUDIT_SIGNING_KEY'])
    delete env[name];
  return { ...env, DATA_DIR: dataDir, PORT: '0', ...extra };
}

export async function startServiceProcess(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: childEnv(dataDir, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start in time; it said:\n${text}`)), timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code} before listening; it said:\n${text}`));
    });
  });
  const adminToken = /Administrator token[^\n]*\n\s*\n\s*(\S+)/.exec(text)?.[1];
  return { child, output: () => text, url, adminToken, exited };
}

/** Runs a script (`scripts/token/issue.ts` ...) to its end, beside whatever runs on `dataDir`. */
export function runScript(
  script: string,
  args: string[],
  dataDir: string,
  extraEnv: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', REGISTER, join(ROOT, script), ...args], {
    cwd: ROOT,
    env: childEnv(dataDir, extraEnv),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Stops a server left running on the data directory (after a test killed its owner), so none outlives the run. */
export async function stopLeftoverServer(dataDir: string): Promise<void> {
  const cluster = join(dataDir, 'postgres');
  if (runningPostmaster(cluster)) await stopCluster(cluster, await serverUser()).catch(() => undefined);
}
