/**
 * Whole-log verification: every stream's hash chain recomputed over the PostgreSQL log, one snapshot of it,
 * in log order per stream. The streams are dealt to lanes (worker threads, each with its own connection);
 * within a lane the read of the next page overlaps the hashing of this one.
 */
import { availableParallelism } from 'node:os';
import { Client } from 'pg';
import { ChainBreak } from '../../event-store/hash-chain';
import { position, Position } from '../../event-store/position';
import { LaneResult, verifyLane } from './lane-scan';
import { runLaneWorkers } from './lane-workers';
import { LogSnapshot, snapshotCovering } from './log-pages';

export interface LogVerificationOptions {
  /** Events per read of the log (5,000 unless given). */
  pageSize?: number;
  /** Lanes on worker threads (one per core unless given); 0 verifies on the calling thread. */
  workers?: number;
  /** Snapshots taken, 50 ms apart, while the log has events no reader may see yet (200, 10 s, unless given). */
  snapshotTries?: number;
}

/** The first event, in log order, whose chain does not hold. */
export interface LogBreak {
  position: Position;
  stream: string;
  revision: bigint;
  reason: ChainBreak['reason'];
}

export interface LogVerdict {
  events: number;
  intact: boolean;
  firstBreak?: LogBreak;
}

/**
 * Recomputes the chain of every stream in the visible log as of the call. A stream's first event chains
 * from genesis (one whose first events were deleted breaks there, as `verifyChain` finds over the whole
 * stream); each later one from the hash stored on the one before it.
 */
export async function verifyLog(connectionString: string, options: LogVerificationOptions = {}): Promise<LogVerdict> {
  const pageSize = options.pageSize ?? 5_000;
  const workers = options.workers ?? availableParallelism();
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const snapshot = await snapshotCoveringLog(client, options.snapshotTries);
    // A log that fits in one page is checked here: starting workers would cost more than they save.
    const results =
      workers === 0 || !(await holdsMoreThan(client, snapshot, pageSize))
        ? [await verifyLane(client, { visibleLimit: snapshot.visibleLimit, lane: 0, lanes: 1 }, pageSize)]
        : await runLaneWorkers({ connectionString, pageSize, ...snapshot }, workers); // our transaction keeps the snapshot alive
    await client.query('COMMIT');
    return verdict(results);
  } finally {
    await client.end();
  }
}

/**
 * A snapshot whose visibility limit reaches every event it sees committed: verified below a limit that errs
 * low (snapshotCovering), a log would be called intact after only its beginning was read. Should the limit
 * not reach within `tries` attempts, no verdict is given rather than one of part of the log.
 */
async function snapshotCoveringLog(client: Client, tries?: number): Promise<LogSnapshot> {
  const { snapshot, covered } = await snapshotCovering(
    client,
    async ({ visibleLimit }) => {
      const { rows } = await client.query<{ last: string | null }>(`SELECT max(log_position)::text AS last FROM event_store.events`);
      return { covered: rows[0].last === null || BigInt(rows[0].last) < BigInt(visibleLimit), found: undefined };
    },
    tries,
  );
  if (!covered) throw new Error('the log has events no reader may see yet (a transaction still open below them): verify again later');
  return snapshot;
}

async function holdsMoreThan(client: Client, { visibleLimit }: LogSnapshot, count: number): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM event_store.events WHERE log_position < $1::bigint OFFSET $2 LIMIT 1`, [
    visibleLimit,
    count,
  ]);
  return rows.length > 0;
}

function verdict(results: readonly LaneResult[]): LogVerdict {
  const events = results.reduce((sum, result) => sum + result.events, 0);
  let first: LaneResult['firstBreak'] = null;
  for (const { firstBreak: found } of results) if (found && (!first || BigInt(found.position) < BigInt(first.position))) first = found;
  if (!first) return { events, intact: true };
  const { stream, revision, reason } = first;
  return { events, intact: false, firstBreak: { position: position(BigInt(first.position)), stream, revision: BigInt(revision), reason } };
}
