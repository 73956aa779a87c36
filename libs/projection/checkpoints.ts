import { EntityManager } from 'typeorm';
import { Position, position } from '../event-store/position';
import { Projection } from './projection';

export interface Checkpoint {
  version: number;
  position: Position;
  eventsApplied: bigint;
}

/** Another process advanced the checkpoint under us: this transaction must not commit. */
export class CheckpointConflictError extends Error {
  constructor(projection: string) {
    super(`checkpoint of projection ${projection} moved under this runner`);
  }
}

export async function loadCheckpoint(manager: EntityManager, projection: Projection): Promise<Checkpoint | undefined> {
  const rows: { version: number; commit_position: string; prepare_position: string; events_applied: string }[] = await manager.query(
    `SELECT version, commit_position, prepare_position, events_applied FROM projections.checkpoints WHERE projection = $1`,
    [projection.name],
  );
  if (rows.length === 0) return undefined;
  const [row] = rows;
  return {
    version: row.version,
    position: position(BigInt(row.commit_position), BigInt(row.prepare_position)),
    eventsApplied: BigInt(row.events_applied),
  };
}

/**
 * Moves the checkpoint from `from` to `to` inside the read-model transaction. Compare-and-set: if the stored
 * checkpoint is not `from`, someone else wrote it and the transaction is aborted, so a lost lock can never
 * make two runners count the same events.
 */
export async function saveCheckpoint(
  tx: EntityManager, projection: Projection, from: Position | undefined, to: Position, applied: number,
): Promise<void> {
  if (from === undefined) {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO projections.checkpoints (projection, version, commit_position, prepare_position, events_applied)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (projection) DO NOTHING RETURNING 1`,
      [projection.name, projection.version, to.commit.toString(), to.prepare.toString(), applied],
    );
    if (inserted.length === 0) throw new CheckpointConflictError(projection.name);
    return;
  }
  const [{ updated }]: { updated: number }[] = await tx.query(
    `WITH moved AS (
       UPDATE projections.checkpoints
          SET commit_position = $2, prepare_position = $3, events_applied = events_applied + $4, updated_at = now()
        WHERE projection = $1 AND commit_position = $5 AND prepare_position = $6
       RETURNING 1)
     SELECT count(*)::int AS updated FROM moved`,
    [projection.name, to.commit.toString(), to.prepare.toString(), applied, from.commit.toString(), from.prepare.toString()],
  );
  if (updated !== 1) throw new CheckpointConflictError(projection.name);
}
