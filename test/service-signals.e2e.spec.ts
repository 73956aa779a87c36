/**
 * The service as a process: its log carries no ANSI colour codes when stdout is not a terminal (a file, a
 * pipe, journald), and Ctrl-C (SIGINT) says it is shutting down, stops cleanly with status 0 and stops the
 * embedded PostgreSQL it started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningPostmaster } from '@libs/database/pg-cluster';
import { ServiceProcess, startServiceProcess, stopLeftoverServer } from './support/service-process';

describe('the service process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-signals-'));
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await stopLeftoverServer(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs without colour codes into a pipe, and prints a shutdown line on SIGINT', async () => {
    service = await startServiceProcess(dataDir);
    expect(service.output()).toMatch(/projector: running/);
    expect(service.output()).not.toMatch(/\x1b\[/);

    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
    expect(service.output()).toMatch(/SIGINT received: shutting down/);
    expect(service.output()).toMatch(/stopped\s*$/);
    expect(service.output()).not.toMatch(/\x1b\[/);
    expect(runningPostmaster(join(dataDir, 'postgres'))).toBeUndefined();
  }, 120_000);
});
