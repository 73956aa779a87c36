/**
 * The checkpoint of a read model's active copy: which schema holds it, which version of the projection wrote
 * it, and the last position applied. Moved only inside the transaction that writes the read-model changes.
 */
import { EntityManager } from 'typeorm';
import { Position, position } from '../event-store/position';

type Queryable = Pick<EntityManager, 'query'>;

export interface Checkpoint {
  version: number;
  /** Schema of the active copy. */
  schema: string;
  /** Undefined before the first event. */
  position?: Position;
  eventsApplied: bigint;
  /** When the log accepted the last event applied (ISO-8601 UTC). */
  recordedAt?: string;
}

/** Another process advanced the checkpoint or swapped the copy under us: this transaction must not commit. */
export class CheckpointConflictError extends Error {
  constructor(projection: string) {
    super(`checkpoint of projection ${projection} moved under this runner`);
    this.name = 'CheckpointConflictError';
  }
}

interface CheckpointRow {
  version: number;
  active_schema: string;
  commit_position: string;
  prepare_position: string;
  events_applied: string;
  last_recorded_at: Date | null;
}

const COLUMNS = `version, active_schema, commit_position, prepare_position, events_applied, last_recorded_at`;

export async function loadCheckpoint(db: Queryable, projection: { name: string }): Promise<Checkpoint | undefined> {
  const rows: CheckpointRow[] = await db.query(`SELECT ${COLUMNS} FROM projections.checkpoints WHERE projection = $1`, [projection.name]);
  return rows.length === 0 ? undefined : toCheckpoint(rows[0]);
}

/**
 * Locks the checkpoint row for the rest of the transaction and checks that it is still where this runner
 * left it: a runner that lost its lock, or a copy swapped by a rebuild, fails here before writing anything.
 */
export async function lockCheckpoint(tx: Queryable, name: string, schema: string, expected: Position | undefined): Promise<void> {
  const rows: CheckpointRow[] = await tx.query(`SELECT ${COLUMNS} FROM projections.checkpoints WHERE projection = $1 FOR UPDATE`, [name]);
  const current = rows[0] && toCheckpoint(rows[0]);
  if (!current || current.schema !== schema || !samePosition(current.position, expected)) throw new CheckpointConflictError(name);
}

/** Moves the checkpoint of the copy in `schema` from `from` to `to` (compare-and-set, inside the batch's transaction). */
export async function saveCheckpoint(
  tx: Queryable,
  name: string,
  schema: string,
  from: Position | undefined,
  to: Position,
  applied: number,
  recordedAt: string,
): Promise<void> {
  const start = from ?? position(-1n);
  const [{ updated }]: { updated: number }[] = await tx.query(
    `WITH moved AS (
       UPDATE projections.checkpoints
          SET commit_position = $3, prepare_position = $4, events_applied = events_applied + $5, last_recorded_at = $6, updated_at = now()
        WHERE projection = $1 AND active_schema = $2 AND commit_position = $7 AND prepare_position = $8
       RETURNING 1)
     SELECT count(*)::int AS updated FROM moved`,
    [name, schema, to.commit.toString(), to.prepare.toString(), applied, recordedAt, start.commit.toString(), start.prepare.toString()],
  );
  if (updated !== 1) throw new CheckpointConflictError(name);
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  const commit = BigInt(row.commit_position);
  return {
    version: row.version,
    schema: row.active_schema,
    position: commit < 0n ? undefined : position(commit, BigInt(row.prepare_position)),
    eventsApplied: BigInt(row.events_applied),
    recordedAt: row.last_recorded_at ? new Date(row.last_recorded_at).toISOString() : undefined,
  };
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.commit === b.commit && a.prepare === b.prepare;
}
