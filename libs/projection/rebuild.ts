/**
 * Blue/green rebuild: replays the whole log into a fresh copy of a read model, batch by batch (one short
 * transaction each: a long write transaction would hold back the event store's visibility limit), while the
 * active copy keeps answering and following the log. Then one short transaction locks the active checkpoint,
 * applies the few events that arrived meanwhile, moves the checkpoint to the new copy and re-points the
 * reporting views; the active runner's next batch sees the swap and continues on the new copy.
 */
import { DataSource } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { isAfter, Position } from '../event-store/position';
import { BatchApplier } from './batch-applier';
import { fanOut } from './fan-out';
import { finishLoad } from './bulk-load';
import { swap } from './swap';
import { Projection } from './projection';
import { foldBehind } from './rebuild-behind';
import { CopyInProgress, lockRebuild, rebuildPosition, startOrResume } from './rebuild-copy';
import { rebuildPages, RebuildOptions } from './rebuild-pages';

export { RebuildInProgressError } from './rebuild-copy';
export { readPage, rebuildPages } from './rebuild-pages';
export type { RebuildOptions } from './rebuild-pages';

export interface RebuildResult {
  schema: string;
  eventsApplied: number;
  position?: Position;
}

export async function rebuildProjection(
  projection: Projection,
  store: EventStore,
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const [result] = await rebuildProjections([projection], store, dataSource, options);
  return result;
}

/**
 * Rebuilds several read models together from one read of the log (libs/projection/fan-out.ts): each event is
 * read, decrypted and upcast once, not once per read model. Each copy keeps its own lock, position (an
 * interrupted rebuild resumes each from its own) and swap. `onProgress` counts the events of all of them.
 */
export async function rebuildProjections(
  projections: readonly Projection[],
  store: EventStore,
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildResult[]> {
  const locks: (() => Promise<void>)[] = [];
  try {
    for (const projection of projections) locks.push(await lockRebuild(projection, dataSource));
    const copies: CopyInProgress[] = [];
    for (const projection of projections) copies.push(await startOrResume(projection, dataSource));
    const handles = [...new Set(projections.flatMap((p) => p.handles))];
    const from = copies.some((c) => !c.position) ? undefined : copies.map((c) => c.position!).reduce((a, b) => (isAfter(a, b) ? b : a));
    const applied = copies.map((c) => c.applied);
    const progress = (i: number, n: number) => {
      applied[i] = n;
      options.onProgress?.(applied.reduce((a, b) => a + b, 0));
    };
    const pages = rebuildPages(store, { handles }, from, options);
    const targets = projections.map((p, i) => ({ handles: p.handles, after: copies[i].position }));
    const folded = await fanOut(pages, targets, (i, share) =>
      foldInto(projections[i], dataSource, copies[i], share, { ...options, onProgress: (n) => progress(i, n) }),
    );
    // Each copy made whole, analysed and swapped in on its own (concurrently: most of it is server work).
    const results = await Promise.all(
      projections.map(async (projection, i): Promise<RebuildResult> => {
        const { schema } = copies[i];
        await dataSource.transaction((tx) => finishLoad(tx, projection, schema));
        await analyzeCopy(dataSource, schema);
        const swapped = await swap(projection, store, dataSource, schema, folded[i].after, options);
        return { schema, eventsApplied: folded[i].applied + swapped.caughtUp, position: swapped.position };
      }),
    );
    return results;
  } finally {
    for (const unlock of locks) await unlock();
  }
}

/** One read model's share of the log into its copy: held in memory and bulk-written, or batch by batch. */
async function foldInto(
  projection: Projection,
  dataSource: DataSource,
  copy: CopyInProgress,
  pages: AsyncIterable<RecordedEvent[]>,
  options: RebuildOptions,
): Promise<{ after: Position | undefined; applied: number }> {
  const target = rebuildPosition(projection.name, copy.schema);
  const applier = new BatchApplier(projection, dataSource, target, options);
  let { position: after, applied } = copy;
  if (projection.bulkWritten) return foldBehind(projection, dataSource, target, pages, { after, applied }, { ...options, applier });
  for await (const page of pages) {
    after = await applier.apply(page, after);
    applied += page.length;
    options.onProgress?.(applied);
  }
  return { after, applied };
}

/**
 * Statistics for the new copy before it answers: autovacuum has not seen tables this young, and without
 * statistics the planner takes a table of 50,000 count rows for one of a few rows (sorts spilled to disk).
 */
async function analyzeCopy(dataSource: DataSource, schema: string): Promise<void> {
  const tables: { tablename: string }[] = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1`, [schema]);
  for (const { tablename } of tables) await dataSource.query(`ANALYZE ${schema}.${tablename}`);
}
