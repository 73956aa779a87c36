/**
 * Blue/green rebuild: replays the whole log into a fresh copy of a read model, batch by batch (one short
 * transaction each: a long write transaction would hold back the event store's visibility limit), while the
 * active copy keeps answering and following the log. Then one short transaction locks the active checkpoint,
 * applies the few events that arrived meanwhile, moves the checkpoint to the new copy and re-points the
 * reporting views; the active runner's next batch sees the swap and continues on the new copy.
 */
import { DataSource, EntityManager } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { isAfter, Position, position } from '../event-store/position';
import { BatchApplier, CopyPosition, PoisonOptions } from './batch-applier';
import { CheckpointConflictError } from './checkpoints';
import { fanOut } from './fan-out';
import { createCopyForLoad, finishLoad } from './bulk-load';
import { swap } from './swap';
import { dropCopy, newCopySchema } from './copies';
import { Projection } from './projection';
import { foldBehind, FoldBehindOptions } from './rebuild-behind';

export interface RebuildOptions extends PoisonOptions, FoldBehindOptions {
  batchSize?: number;
  /** Called after each batch with the events applied so far. */
  onProgress?: (applied: number) => void;
}

export interface RebuildResult {
  schema: string;
  eventsApplied: number;
  position?: Position;
}

/** Another rebuild of this projection holds its lock. */
export class RebuildInProgressError extends Error {
  constructor(projection: string) {
    super(`a rebuild of projection ${projection} is already running`);
    this.name = 'RebuildInProgressError';
  }
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

/** Only one rebuild of a read model at a time: a session advisory lock, released by the returned function. */
async function lockRebuild(projection: Projection, dataSource: DataSource): Promise<() => Promise<void>> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  const key = `family-ledger:rebuild:${projection.name}`;
  try {
    const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [key]);
    if (!locked) throw new RebuildInProgressError(projection.name);
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
  return async () => {
    await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]).catch(() => undefined);
    await lock.release().catch(() => undefined); // back to the pool, session alive: hence the explicit unlock
  };
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

interface CopyInProgress {
  schema: string;
  position?: Position;
  applied: number;
}

/** Resumes an interrupted rebuild of the same version; otherwise drops it and starts a fresh copy. */
async function startOrResume(projection: Projection, dataSource: DataSource): Promise<CopyInProgress> {
  const rows: { version: number; copy_schema: string; commit_position: string; prepare_position: string; events_applied: string }[] =
    await dataSource.query(
      `SELECT version, copy_schema, commit_position, prepare_position, events_applied FROM projections.rebuilds WHERE projection = $1`,
      [projection.name],
    );
  const [row] = rows;
  if (row && row.version === projection.version) {
    const commit = BigInt(row.commit_position);
    return {
      schema: row.copy_schema,
      position: commit < 0n ? undefined : position(commit, BigInt(row.prepare_position)),
      applied: Number(row.events_applied),
    };
  }
  if (row) await dropCopy(dataSource, row.copy_schema);
  return dataSource.transaction(async (tx) => {
    const schema = await newCopySchema(tx, projection);
    await createCopyForLoad(tx, projection, schema);
    await tx.query(
      `INSERT INTO projections.rebuilds (projection, version, copy_schema) VALUES ($1, $2, $3)
       ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, copy_schema = EXCLUDED.copy_schema,
         commit_position = -1, prepare_position = -1, events_applied = 0, started_at = now(), updated_at = now()`,
      [projection.name, projection.version, schema],
    );
    return { schema, applied: 0 };
  });
}

function rebuildPosition(name: string, schema: string): CopyPosition {
  return {
    schema,
    async begin(tx: EntityManager, after: Position | undefined) {
      const [row] = await tx.query(
        `SELECT commit_position, prepare_position FROM projections.rebuilds WHERE projection = $1 AND copy_schema = $2 FOR UPDATE`,
        [name, schema],
      );
      const expected = after ?? position(-1n);
      if (!row || BigInt(row.commit_position) !== expected.commit || BigInt(row.prepare_position) !== expected.prepare)
        throw new CheckpointConflictError(name);
    },
    async advance(tx: EntityManager, _after: Position | undefined, to: RecordedEvent, applied: number) {
      await tx.query(
        `UPDATE projections.rebuilds SET commit_position = $3, prepare_position = $4, events_applied = events_applied + $5,
           last_recorded_at = $6, updated_at = now() WHERE projection = $1 AND copy_schema = $2`,
        [name, schema, to.position.commit.toString(), to.position.prepare.toString(), applied, to.recordedAt],
      );
    },
  };
}

/**
 * The log's pages of the projection's types, each read while the one before is being applied: reading and
 * writing take about as long as each other, so overlapping them nearly halves a rebuild.
 */
export async function* rebuildPages(
  store: EventStore,
  projection: Pick<Projection, 'handles'>,
  after: Position | undefined,
  options: Pick<RebuildOptions, 'batchSize'>,
): AsyncGenerator<RecordedEvent[]> {
  let next = readPage(store, projection, after, options);
  try {
    for (let page = await next; page.length > 0; page = await next) {
      next = readPage(store, projection, page[page.length - 1].position, options);
      yield page;
    }
  } finally {
    next.catch(() => undefined); // a read still running when the applier failed: its outcome no longer matters
  }
}

export function readPage(
  store: EventStore,
  projection: Pick<Projection, 'handles'>,
  after: Position | undefined,
  options: Pick<RebuildOptions, 'batchSize'>,
): Promise<RecordedEvent[]> {
  return store.readAll({ fromPosition: after ?? 'start', filter: { eventTypes: projection.handles }, maxCount: options.batchSize ?? 1000 });
}
