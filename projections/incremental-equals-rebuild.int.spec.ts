/**
 * The property behind every read model: following the log batch by batch (whatever the batch sizes, with
 * deliveries repeated) ends in exactly the rows a clean rebuild from the whole log writes.
 */
import fc from 'fast-check';
import { ProjectionRunner } from '@libs/projection/projection-runner';
import { appendCampaign, generateCampaign } from './shared/testing/campaign-generator';
import { applyEvents, caughtUp, incrementalAndRebuilt, openProjectionDatabase, ProjectionDatabase } from './shared/testing/harness';
import { indicatorProjections } from './index';

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('projection did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('incremental projection equals a full rebuild', () => {
  let db: ProjectionDatabase;
  beforeAll(async () => {
    db = await openProjectionDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(indicatorProjections.map((p) => [p.name, p] as const))('holds for %s over random valid histories', async (_name, projection) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 13 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (seeds, batchSize, again) => {
          const runner = new ProjectionRunner(projection, db.store, db.dataSource, { batchSize, standbyPollMs: 20 });
          runner.start();
          try {
            const upTo = await appendCampaign(db.store, generateCampaign(seeds));
            await until(() => caughtUp(db.dataSource, projection, upTo!));
          } finally {
            await runner.stop();
          }
          // At-least-once delivery: some events arrive again, out of order, after later ones.
          const log = await db.store.readAll({ filter: { eventTypes: projection.handles } });
          // (A history may hold none of the types it handles: then there is nothing to deliver again.)
          if (log.length > 0)
            await applyEvents(
              db.dataSource,
              projection,
              again.map((i) => log[i % log.length]),
            );
          const { incremental, rebuilt } = await incrementalAndRebuilt(db.dataSource, db.store, projection);
          expect(incremental).toEqual(rebuilt);
        },
      ),
      { numRuns: 12 },
    );
  });
});
