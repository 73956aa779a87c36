/**
 * The shared embedded cluster: a second process finds the running server instead of failing on its lock
 * file, the server stays up until its last client stops, and the password is generated and kept beside
 * the cluster (a cluster made with the old fixed password is moved to a generated one).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { initCluster, runningPostmaster, serverUser, startCluster, stopCluster } from './pg-cluster';
import { registerClient, unregisterClient } from './cluster-clients';

async function connects(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('the shared embedded PostgreSQL', () => {
  const root = mkdtempSync(join(tmpdir(), 'family-ledger-embedded-'));
  chmodSync(root, 0o711); // the server runs as another user when the tests run as root
  afterAll(async () => {
    for (const dir of ['shared', 'legacy']) if (runningPostmaster(join(root, dir))) await stopCluster(join(root, dir), await serverUser());
    rmSync(root, { recursive: true, force: true });
  });

  it('generates a password kept beside the cluster and reuses the running server', async () => {
    const dataDir = join(root, 'shared');
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    const password = readFileSync(`${dataDir}.password`, 'utf8').trim();
    expect(password).not.toBe('postgres');
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(decodeURIComponent(new URL(first.adminUrl).password)).toBe(password);

    // What a second process (a command beside the service) sees: the same server, found, not started anew.
    const pidFile = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8');
    const beside = runningPostmaster(dataDir)!;
    expect(beside).toEqual({ pid: Number(pidFile.split('\n')[0]), port: first.port, status: 'ready' });

    // A live client other than this process keeps the server up when this one stops...
    const other = process.pid;
    registerClient(dataDir);
    Object.defineProperty(process, 'pid', { value: other + 1_000_000, configurable: true });
    try {
      await first.stop();
    } finally {
      Object.defineProperty(process, 'pid', { value: other, configurable: true });
    }
    expect(await connects(first.adminUrl)).toBe(true);
    // ...and a process killed without stopping leaves a file that no longer counts.
    unregisterClient(dataDir);
    const again = await startEmbeddedPostgres({ dataDir, persistent: true });
    expect(again.reused).toBe(true);
    expect(again.port).toBe(first.port);
    await again.stop();
    expect(runningPostmaster(dataDir)).toBeUndefined();
  }, 120_000);

  it('moves a cluster made with the old fixed password to a generated one', async () => {
    const dataDir = join(root, 'legacy');
    const user = await serverUser();
    await initCluster(dataDir, 'postgres', user);
    const server = await startEmbeddedPostgres({ dataDir, persistent: true });
    try {
      expect(existsSync(`${dataDir}.password`)).toBe(true);
      const password = readFileSync(`${dataDir}.password`, 'utf8').trim();
      expect(password).not.toBe('postgres');
      expect(await connects(server.adminUrl)).toBe(true);
      expect(await connects(`postgres://postgres:postgres@127.0.0.1:${server.port}/postgres`)).toBe(false);
    } finally {
      await server.stop();
    }
    // Started again, the kept password opens it.
    await startCluster(dataDir, server.port, [], user);
    expect(
      await connects(
        `postgres://postgres:${encodeURIComponent(readFileSync(`${dataDir}.password`, 'utf8').trim())}@127.0.0.1:${server.port}/postgres`,
      ),
    ).toBe(true);
    await stopCluster(dataDir, user);
  }, 120_000);
});
