/**
 * A projector process killed with SIGKILL in the middle of its work, then restarted: the read models end
 * exactly as a clean rebuild from the whole log writes them (each batch and its checkpoint commit together,
 * so a kill loses a whole batch or none of it, and the restart resumes from the checkpoint).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { appendCampaign, generateCampaign } from '@projections/shared/testing/campaign-generator';
import { caughtUp, incrementalAndRebuilt, openProjectionDatabase, ProjectionDatabase } from '@projections/shared/testing/harness';
import { indicatorProjections } from '@projections/index';

const ROOT = join(__dirname, '..');

function startProjector(url: string): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', join(ROOT, 'scripts/projections/register.js'), join(ROOT, 'scripts/projections/projector-child.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PROJECTIONS: indicatorProjections.map((p) => p.name).join(','),
        PROJECTOR_BATCH_SIZE: '25',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function until(check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a projector killed mid-batch', () => {
  let db: ProjectionDatabase;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    db = await openProjectionDatabase();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    if (child) await exited(child);
    await db.close();
  });

  it('resumes after SIGKILL and ends with read models equal to a clean rebuild', async () => {
    const upTo = (await appendCampaign(db.store, generateCampaign(Array.from({ length: 4000 }, (_, i) => i * 7919 + 13))))!;
    const applied = async () => {
      let sum = 0n;
      for (const p of indicatorProjections) sum += (await loadCheckpoint(db.dataSource.manager, p))?.eventsApplied ?? 0n;
      return sum;
    };
    child = startProjector(db.database.url);
    await until(async () => (await applied()) > 200n);
    child.kill('SIGKILL');
    await exited(child);
    const atKill = await applied();
    expect(child.signalCode).toBe('SIGKILL');

    child = startProjector(db.database.url);
    for (const projection of indicatorProjections) await until(() => caughtUp(db.dataSource, projection, upTo));
    child.kill('SIGKILL');
    await exited(child);
    child = undefined;
    expect(await applied()).toBeGreaterThan(atKill);

    for (const projection of indicatorProjections) {
      const { incremental, rebuilt } = await incrementalAndRebuilt(db.dataSource, db.store, projection);
      expect({ projection: projection.name, ...incremental }).toEqual({ projection: projection.name, ...rebuilt });
    }
  }, 120_000);
});
