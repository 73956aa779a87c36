/**
 * A rebuild's copy of a read model: the lock that keeps a second rebuild of it out, the copy resumed where an
 * interrupted rebuild of the same version stopped (or a fresh one made for a bulk load), and the position its
 * batches advance, checked and moved in the same transaction as the rows they write.
 */
import { DataSource, EntityManager } from 'typeorm';
import { RecordedEvent } from '../event-store/event-store.port';
import { Position, position } from '../event-store/position';
import { CopyPosition } from './batch-applier';
import { createCopyForLoad } from './bulk-load';
import { CheckpointConflictError } from './checkpoints';
import { dropCopy, newCopySchema } from './copies';
import { Projection } from './projection';

/** Another rebuild of this projection holds its lock. */
export class RebuildInProgressError extends Error {
  constructor(projection: string) {
    super(`a rebuild of projection ${projection} is already running`);
    this.name = 'RebuildInProgressError';
  }
}

/** Only one rebuild of a read model at a time: a session advisory lock, released by the returned function. */
export async function lockRebuild(projection: Projection, dataSource: DataSource): Promise<() => Promise<void>> {
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

export interface CopyInProgress {
  schema: string;
  position?: Position;
  applied: number;
}

/** Resumes an interrupted rebuild of the same version; otherwise drops it and starts a fresh copy. */
export async function startOrResume(projection: Projection, dataSource: DataSource): Promise<CopyInProgress> {
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

export function rebuildPosition(name: string, schema: string): CopyPosition {
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
