/**
 * The service killed with SIGKILL leaves its embedded PostgreSQL running (pg_ctl gives the server a session
 * of its own); starting again finds that server through postmaster.pid and reuses it, with the data intact.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ServiceProcess, startServiceProcess, stopLeftoverServer } from './support/service-process';

describe('the service after kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-restart-'));
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service?.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await stopLeftoverServer(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts again on the same data directory and still has what was written', async () => {
    service = await startServiceProcess(dataDir);
    const token = service.adminToken!;
    expect(token).toBeDefined();
    const householdId = randomUUID();
    const enrolled = await fetch(`${service.url}/households`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        householdId,
        villageCode: '640105002001',
        category: 'stable',
        members: 2,
        head: { name: 'Na Ying' },
        enrolmentYear: 2012,
      }),
    });
    expect(enrolled.status).toBe(201);
    service.child.kill('SIGKILL');
    await service.exited;

    service = await startServiceProcess(dataDir);
    const read = await fetch(`${service.url}/households/${householdId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    expect(service.output()).toMatch(/database: postgres:\/\/postgres@127\.0\.0\.1:\d+\/family_ledger/);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 240_000);
});
