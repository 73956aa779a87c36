/**
 * Whole-log verification: every stream's hash chain recomputed over the PostgreSQL log in log order, the
 * read of the next page overlapping the hashing of this one, the hashing spread over worker threads.
 */
import { availableParallelism } from 'node:os';
import { Pool } from 'pg';
import { ChainBreak } from '../../event-store/hash-chain';
import { position, Position } from '../../event-store/position';
import { LaneBreak } from './chain-lane';
import { HashLanes, inProcessLanes, workerLanes } from './hash-lanes';
import { readLogPages } from './log-pages';

export interface LogVerificationOptions {
  /** Events per read of the log (5,000 unless given). */
  pageSize?: number;
  /** Hashing threads (one per core unless given); 0 hashes on the calling thread. */
  workers?: number;
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
 * Recomputes the chain of every stream in the visible log, as of the first read. A stream's first event
 * chains from genesis at revision 0 (else from the hash it names, as `verifyChain` takes a start hash).
 */
export async function verifyLog(pool: Pool, options: LogVerificationOptions = {}): Promise<LogVerdict> {
  const pageSize = options.pageSize ?? 5_000;
  const workers = options.workers ?? availableParallelism();
  let lanes: HashLanes | undefined;
  let events = 0;
  try {
    for await (const rows of readLogPages(pool, pageSize)) {
      // A log that fits in one page is hashed here: starting workers would cost more than they save.
      lanes ??= workers === 0 || rows.length < pageSize ? inProcessLanes() : workerLanes(workers);
      events += rows.length;
      await lanes.submit(rows);
    }
    const firstBreak = earliest(lanes === undefined ? [] : await lanes.results());
    return { events, intact: firstBreak === undefined, ...(firstBreak && { firstBreak }) };
  } finally {
    await lanes?.close();
  }
}

function earliest(breaks: readonly LaneBreak[]): LogBreak | undefined {
  let first: LaneBreak | undefined;
  for (const found of breaks) if (first === undefined || BigInt(found.position) < BigInt(first.position)) first = found;
  return first && { position: position(BigInt(first.position)), stream: first.stream, revision: BigInt(first.revision), reason: first.reason };
}
