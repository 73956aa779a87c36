/**
 * Parked (poison) events: listed for the operator, and replayed on request into the copy that parked them.
 * A retry takes the checkpoint row's lock, so it never interleaves with a batch of the active runner or a swap.
 */
import { DataSource, EntityManager } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { formatPosition, position } from '../event-store/position';
import { loadCheckpoint } from './checkpoints';
import { Projection } from './projection';

type Queryable = Pick<EntityManager, 'query'>;

export interface ParkedEvent {
  eventId: string;
  eventType: string;
  /** Stream names are `<category>-<uuid>`: no personal data. */
  stream: string;
  position: string;
  error: string;
  attempts: number;
  parkedAt: string;
  retriedAt?: string;
}

export async function park(
  tx: Queryable,
  projection: string,
  schema: string,
  event: RecordedEvent,
  error: string,
  attempts: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO projections.dead_letters
       (projection, copy_schema, event_id, event_type, stream_id, commit_position, prepare_position, error, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (projection, copy_schema, event_id) DO UPDATE SET error = EXCLUDED.error,
       attempts = projections.dead_letters.attempts + EXCLUDED.attempts, parked_at = now(), resolved_at = NULL`,
    [
      projection,
      schema,
      event.id,
      event.type,
      event.stream,
      event.position.commit.toString(),
      event.position.prepare.toString(),
      error,
      attempts,
    ],
  );
}

interface DeadLetterRow {
  event_id: string;
  event_type: string;
  stream_id: string;
  commit_position: string;
  prepare_position: string;
  error: string;
  attempts: number;
  parked_at: Date;
  retried_at: Date | null;
}

/** Unresolved parked events of the active copy, oldest position first. */
export async function listParked(db: Queryable, projection: string, schema: string, limit = 100): Promise<ParkedEvent[]> {
  const rows: DeadLetterRow[] = await db.query(
    `SELECT event_id, event_type, stream_id, commit_position, prepare_position, error, attempts, parked_at, retried_at
       FROM projections.dead_letters WHERE projection = $1 AND copy_schema = $2 AND resolved_at IS NULL
      ORDER BY commit_position, prepare_position LIMIT $3`,
    [projection, schema, limit],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    eventType: row.event_type,
    stream: row.stream_id,
    position: formatPosition(position(BigInt(row.commit_position), BigInt(row.prepare_position))),
    error: row.error,
    attempts: row.attempts,
    parkedAt: new Date(row.parked_at).toISOString(),
    retriedAt: row.retried_at ? new Date(row.retried_at).toISOString() : undefined,
  }));
}

export interface RetryResult {
  retried: number;
  resolved: number;
  stillParked: number;
}

/** Replays every unresolved parked event of the active copy, in log order; those that fail again stay parked. */
export async function retryParked(projection: Projection, store: EventStore, dataSource: DataSource): Promise<RetryResult> {
  const checkpoint = await loadCheckpoint(dataSource.manager, projection);
  if (!checkpoint) return { retried: 0, resolved: 0, stillParked: 0 };
  const parked = await listParked(dataSource.manager, projection.name, checkpoint.schema, 10_000);
  let resolved = 0;
  for (const entry of parked) {
    const event = await readParked(store, entry);
    const ok = event !== undefined && (await retryOne(projection, dataSource, checkpoint.schema, event));
    if (ok) resolved++;
  }
  return { retried: parked.length, resolved, stillParked: parked.length - resolved };
}

async function readParked(store: EventStore, entry: ParkedEvent): Promise<RecordedEvent | undefined> {
  const [commit, prepare = commit] = entry.position.split('/').map(BigInt);
  const [event] = await store.readAll({
    fromPosition: position(commit - 1n, prepare - 1n),
    maxCount: 1,
    filter: { eventTypes: [entry.eventType] },
  });
  return event?.id === entry.eventId ? event : undefined;
}

async function retryOne(projection: Projection, dataSource: DataSource, schema: string, event: RecordedEvent): Promise<boolean> {
  try {
    await dataSource.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT active_schema FROM projections.checkpoints WHERE projection = $1 FOR UPDATE`, [projection.name]);
      if (row?.active_schema !== schema) throw new Error('the copy was swapped during the retry');
      await projection.applyBatch([event], tx, schema);
      await tx.query(
        `UPDATE projections.dead_letters SET retried_at = now(), resolved_at = now() WHERE projection = $1 AND copy_schema = $2 AND event_id = $3`,
        [projection.name, schema, event.id],
      );
    });
    return true;
  } catch (error) {
    await dataSource.query(
      `UPDATE projections.dead_letters SET retried_at = now(), attempts = attempts + 1, error = $4
        WHERE projection = $1 AND copy_schema = $2 AND event_id = $3`,
      [projection.name, schema, event.id, String((error as Error)?.message ?? error).slice(0, 2000)],
    );
    return false;
  }
}
