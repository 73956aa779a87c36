import { DataSource } from 'typeorm';
import { isAfter, position, Position } from '../event-store/position';

export async function loadRelayCheckpoint(db: DataSource, relay: string): Promise<Position | undefined> {
  const [row]: { commit_position: string; prepare_position: string }[] = await db.query(
    `SELECT commit_position, prepare_position FROM relay.checkpoints WHERE relay = $1`,
    [relay],
  );
  return row ? position(BigInt(row.commit_position), BigInt(row.prepare_position)) : undefined;
}

/** A pool (DataSource) or one session (QueryRunner). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Moves the checkpoint forwards only: a late or repeated save never takes it back. The relay saves through the
 * session holding its lock, so a relay whose session ended (and whose lock another may now hold) fails here.
 */
export async function saveRelayCheckpoint(db: Queryable, relay: string, to: Position, published = 1): Promise<void> {
  await db.query(
    `INSERT INTO relay.checkpoints AS c (relay, commit_position, prepare_position, events_published) VALUES ($1, $2, $3, $4)
     ON CONFLICT (relay) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position,
       events_published = c.events_published + EXCLUDED.events_published, updated_at = now()
     WHERE (c.commit_position, c.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
    [relay, to.commit.toString(), to.prepare.toString(), published],
  );
}

export function later(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a) return b;
  if (!b) return a;
  return isAfter(a, b) ? a : b;
}
