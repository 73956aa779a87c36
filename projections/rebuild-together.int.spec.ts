/**
 * Rebuilding every read model from one read of the log (libs/projection/fan-out.ts), with write-behind windows
 * flushed while the next folds and copies loaded without indexes or rollup triggers (libs/projection/bulk-load.ts),
 * ends in exactly the rows the live path writes, also when the rebuild is interrupted and resumed.
 */
import { ensureActiveCopy } from '@libs/projection/copies';
import { rebuildProjections } from '@libs/projection/rebuild';
import { appendCampaign, generateCampaign } from './shared/testing/campaign-generator';
import { activeSchema, applyEvents, copyContents, openProjectionDatabase, ProjectionDatabase } from './shared/testing/harness';
import { indicatorProjections } from './index';

describe('rebuilding read models together', () => {
  let db: ProjectionDatabase;
  const incremental = new Map<string, Record<string, unknown[]>>();
  let total = 0;

  beforeAll(async () => {
    db = await openProjectionDatabase();
    await appendCampaign(db.store, generateCampaign(Array.from({ length: 200 }, (_, i) => i * 7919)));
    // The reference: the live (incremental) path, batch by batch into the active copies.
    for (const projection of indicatorProjections) {
      await ensureActiveCopy(db.dataSource, projection);
      const events = await db.store.readAll({ filter: { eventTypes: projection.handles } });
      for (let i = 0; i < events.length; i += 50) await applyEvents(db.dataSource, projection, events.slice(i, i + 50));
      total += events.length;
      incremental.set(projection.name, await copyContents(db.dataSource, await activeSchema(db.dataSource, projection)));
    }
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes the rows the live path writes, after an interruption and a resume', async () => {
    let seen = 0;
    const interrupted = rebuildProjections(indicatorProjections, db.store, db.dataSource, {
      batchSize: 31,
      flushRows: 11,
      onProgress: (n) => {
        seen = n;
        if (n > total / 2) throw new Error('interrupted');
      },
    });
    await expect(interrupted).rejects.toThrow('interrupted');
    expect(seen).toBeGreaterThan(total / 2);
    expect(seen).toBeLessThan(total);
    const [{ resumable }] = await db.dataSource.query(
      `SELECT count(*)::int AS resumable FROM projections.rebuilds WHERE commit_position >= 0`,
    );
    expect(resumable).toBeGreaterThan(0); // some copies had flushed: the next rebuild resumes them, not starts over
    const [{ staged }] = await db.dataSource.query(
      `SELECT count(*)::int AS staged FROM pg_tables WHERE schemaname LIKE 'rm\\_%' AND tablename LIKE '%\\_\\_staged'`,
    );
    // Count rows staged before the stop (libs/projection/staged-counts.ts): the resumed rebuild appends to them
    // and its finish must count each of them once.
    expect(staged).toBeGreaterThan(0);

    const results = await rebuildProjections(indicatorProjections, db.store, db.dataSource, { batchSize: 31, flushRows: 11 });
    for (const [i, projection] of indicatorProjections.entries())
      expect({ [projection.name]: await copyContents(db.dataSource, results[i].schema) }).toEqual({
        [projection.name]: incremental.get(projection.name),
      });
    const [{ pending }] = await db.dataSource.query(`SELECT count(*)::int AS pending FROM projections.rebuilds`);
    expect(pending).toBe(0);
    const [{ autovacuumOff }] = await db.dataSource.query(
      `SELECT count(*)::int AS "autovacuumOff" FROM pg_class WHERE relnamespace::regnamespace::text = ANY($1) AND reloptions IS NOT NULL`,
      [results.map((r) => r.schema)],
    );
    expect(autovacuumOff).toBe(0); // the load turned it off in every copy, the finish on again
  });
});
