/**
 * The tree pass over the PostgreSQL log: one snapshot holds both the log and the signed checkpoints, so a
 * checkpoint signed while the pass runs is neither half-seen nor compared with a log that lacks its events.
 */
import { KeyObject } from 'node:crypto';
import { Client } from 'pg';
import { CHECKPOINT_COLUMNS, checkpointFromRow, CheckpointRow } from '../checkpointing/checkpoint-store';
import { CheckpointPass, CheckpointPassResult } from './checkpoint-pass';
import { parsePosition } from '../../event-store/position';
import { snapshotCovering } from './log-pages';

export interface CheckpointVerificationOptions {
  pageSize?: number;
  /** Called once with the events the pass will read, then after every page with those read so far. */
  onProgress?: (read: number, total: number) => void;
}

export async function verifyCheckpoints(
  connectionString: string,
  keys: ReadonlyMap<string, KeyObject>,
  options: CheckpointVerificationOptions = {},
): Promise<CheckpointPassResult> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const { visibleLimit, rows } = await snapshotCoveringCheckpoints(client);
    const total = Number(
      (await client.query(`SELECT count(*) AS n FROM event_store.events WHERE log_position < $1::bigint`, [visibleLimit])).rows[0].n,
    );
    options.onProgress?.(0, total);
    const pass = new CheckpointPass(rows.map(checkpointFromRow), keys);
    for await (const page of readHashPages(client, visibleLimit, options.pageSize ?? 20_000)) {
      for (const [position, hash, stream, revision] of page) pass.add(position, hash, stream, revision);
      options.onProgress?.(pass.events, total);
    }
    await client.query('COMMIT');
    return pass.finish();
  } finally {
    await client.end();
  }
}

/**
 * A snapshot whose visibility limit reaches every signed checkpoint. The gap-safe limit errs low while
 * transactions (of other databases too) are in flight; a checkpoint above it is not yet readable, not lost:
 * try again for a while rather than call it a deleted tail. (Deleted events lie below the limit.)
 */
async function snapshotCoveringCheckpoints(client: Client): Promise<{ visibleLimit: string; rows: CheckpointRow[] }> {
  const { snapshot, found } = await snapshotCovering(client, async ({ visibleLimit }) => {
    const { rows } = await client.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints ORDER BY event_count, checkpoint_id`,
    );
    const hidden = rows.some((row) => (parsePosition(row.position)?.commit ?? 0n) >= BigInt(visibleLimit));
    return { covered: !hidden, found: rows };
  });
  return { visibleLimit: snapshot.visibleLimit, rows: found };
}

// The position, the stored hash, and the identity the heads bind: the chains pass has already checked every
// hash against its content. Ordered by the bigint column itself: a text alias of the same name would sort
// the log as text ("10" < "9").
const HASH_SCAN = `DECLARE checkpoint_pass NO SCROLL CURSOR FOR
  SELECT log_position::text AS at, encode(hash, 'hex') AS hash, stream_id, stream_revision::text
    FROM event_store.events WHERE log_position < $1::bigint ORDER BY event_store.events.log_position`;

type HashRow = [position: string, hash: string, stream: string, revision: string];

async function* readHashPages(client: Client, visibleLimit: string, pageSize: number): AsyncGenerator<HashRow[]> {
  await client.query(HASH_SCAN, [visibleLimit]);
  for (;;) {
    const { rows } = await client.query<HashRow>({ text: `FETCH ${Math.trunc(pageSize)} FROM checkpoint_pass`, rowMode: 'array' });
    if (rows.length === 0) break;
    yield rows;
  }
  await client.query('CLOSE checkpoint_pass');
}
