/** The table of signed checkpoints (see migrations/): written once each, never updated. */
import { EntityManager } from 'typeorm';
import { parsePosition } from '../../event-store/position';
import { SignedCheckpoint } from '../signing';

type Queryable = Pick<EntityManager, 'query'>;

export interface CheckpointRow {
  position: string;
  event_count: string;
  merkle_root: string;
  signed_at: string;
  signature: string;
  key_id: string;
  heads_root: string | null;
  stream_count: string | null;
  note: string | null;
}

export const CHECKPOINT_COLUMNS = `position, event_count, merkle_root, signed_at, signature, key_id, heads_root, stream_count, note`;

/** Stores a checkpoint, with its signed-note form when it has one. */
export async function insertSignedCheckpoint(db: Queryable, checkpoint: SignedCheckpoint, note?: string): Promise<void> {
  const position = parsePosition(checkpoint.position);
  if (position === undefined) throw new RangeError('a checkpoint position must be a log position');
  await db.query(
    `INSERT INTO audit.checkpoints (commit_position, prepare_position, ${CHECKPOINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      position.commit.toString(),
      position.prepare.toString(),
      checkpoint.position,
      checkpoint.eventCount,
      checkpoint.merkleRoot,
      checkpoint.signedAt,
      checkpoint.signature,
      checkpoint.keyId,
      checkpoint.headsRoot ?? null,
      checkpoint.streamCount ?? null,
      note ?? null,
    ],
  );
}

/**
 * The checkpoint reaching furthest into the log, optionally only among those signed by one key. Found by its
 * size, which the signature covers: the position columns are copies no signature covers, so an older row
 * moved past the others there is not taken for the latest (its verification would then pass over a rewrite).
 */
export async function latestSignedCheckpoint(db: Queryable, keyId?: string): Promise<SignedCheckpoint | undefined> {
  return (await latestStoredCheckpoint(db, keyId))?.checkpoint;
}

export interface StoredCheckpoint {
  checkpoint: SignedCheckpoint;
  note: string | null;
}

export async function latestStoredCheckpoint(db: Queryable, keyId?: string): Promise<StoredCheckpoint | undefined> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints WHERE $1::text IS NULL OR key_id = $1
      ORDER BY event_count DESC, commit_position DESC, prepare_position DESC, checkpoint_id DESC LIMIT 1`,
    [keyId ?? null],
  );
  return rows.length === 0 ? undefined : stored(rows[0]);
}

/** The checkpoint of a tree of `size` events (the latest signed, should a key rotation have signed two). */
export async function storedCheckpointOfSize(db: Queryable, size: number): Promise<StoredCheckpoint | undefined> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints WHERE event_count = $1 ORDER BY checkpoint_id DESC LIMIT 1`,
    [size],
  );
  return rows.length === 0 ? undefined : stored(rows[0]);
}

function stored(row: CheckpointRow): StoredCheckpoint {
  return { checkpoint: checkpointFromRow(row), note: row.note };
}

/** In the order signCheckpoint writes it (fields, then signature and key), so every export of one checkpoint is the same text. */
export function checkpointFromRow(row: CheckpointRow): SignedCheckpoint {
  const heads = row.heads_root === null ? {} : { headsRoot: row.heads_root, streamCount: Number(row.stream_count) };
  return {
    position: row.position,
    eventCount: Number(row.event_count),
    merkleRoot: row.merkle_root,
    signedAt: row.signed_at,
    ...heads,
    signature: row.signature,
    keyId: row.key_id,
  };
}
