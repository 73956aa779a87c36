/**
 * The commands run beside a running service on the same DATA_DIR: they find its embedded PostgreSQL (no
 * second server fighting over the lock file), and when they fail they say why in words and exit non-zero.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { childEnv, runScript, ServiceProcess, startServiceProcess, stopLeftoverServer } from './support/service-process';
import { freePort } from '@libs/database/free-port';

const ROOT = join(__dirname, '..');

const wordsNotUndefined = (text: string) => {
  expect(text).not.toMatch(/undefined|\[object Object\]/);
  expect(text.trim().length).toBeGreaterThan(10);
};

describe('commands beside a running service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-beside-'));
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await startServiceProcess(dataDir);
  }, 120_000);
  afterAll(async () => {
    service.child.kill('SIGTERM');
    await service.exited;
    await stopLeftoverServer(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues a token the running service accepts', async () => {
    const issued = runScript('scripts/token/issue.ts', ['--role', 'analyst', '--ou', '640104', '--days', '1'], dataDir);
    expect(issued).toMatchObject({ status: 0, stderr: '' });
    const answer = await fetch(`${service.url}/indicators`, { headers: { authorization: `Bearer ${issued.stdout.trim()}` } });
    expect(answer.status).toBe(200);
  });

  it('rebuilds a projection on the running service database, and the service keeps answering', async () => {
    const rebuilt = runScript('scripts/projections/rebuild.ts', ['category-counts'], dataDir);
    expect({ status: rebuilt.status, stderr: rebuilt.stderr }).toEqual({ status: 0, stderr: expect.not.stringMatching(/failed/) });
    expect(rebuilt.stdout).toMatch(/category-counts: \d+ events into \S+ in [\d.]+ s; swapped/);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  }, 120_000);

  it('runs the projector alone beside it, which stops cleanly and leaves the service running', async () => {
    const projector = spawn(
      process.execPath,
      ['-r', join(ROOT, 'scripts/projections/register.js'), join(ROOT, 'apps/projector/src/main.ts')],
      { cwd: ROOT, env: childEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let said = '';
    projector.stdout!.on('data', (chunk: Buffer) => (said += chunk));
    projector.stderr!.on('data', (chunk: Buffer) => (said += chunk));
    const exited = new Promise<number | null>((resolve) => projector.once('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (!/projector: running/.test(said) && projector.exitCode === null && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said).toMatch(/database: postgres:\/\/postgres@127\.0\.0\.1:\d+\/family_ledger \(embedded PostgreSQL, already running;/);
    projector.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  }, 90_000);

  it('says in words what is wrong with a token request, and exits non-zero', () => {
    const refused = runScript('scripts/token/issue.ts', ['--role', 'wizard'], dataDir);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('unknown role "wizard"');
    wordsNotUndefined(refused.stderr);
  });

  it('says in words that the database cannot be reached, and exits non-zero', async () => {
    const port = await freePort();
    const refused = runScript('scripts/projections/rebuild.ts', ['category-counts'], dataDir, {
      DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/nowhere`,
    });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/projections:rebuild failed: .*(ECONNREFUSED|connect)/);
    expect(refused.stderr).not.toContain('secret');
    wordsNotUndefined(refused.stderr);
  }, 60_000);

  it('refuses to generate into a log that holds events, in words and with a non-zero exit', async () => {
    const enrolled = await fetch(`${service.url}/households`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ villageCode: '640105002001', category: 'stable', members: 2, head: { name: 'Na Ying' }, enrolmentYear: 2012 }),
    });
    expect(enrolled.status).toBe(201);
    const refused = runScript('scripts/generate/main.ts', ['--households', '5', '--years', '1', '--seed', '1'], dataDir);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/generate failed: the log .* already holds events/);
    wordsNotUndefined(refused.stderr);
  }, 120_000);
});
