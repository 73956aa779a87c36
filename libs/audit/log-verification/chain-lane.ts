/**
 * One hashing lane of whole-log verification: the chains of the streams given to it, event by event in log
 * order, each continued from the last event of its stream that the lane saw. Pure but for its own memory of
 * stream heads; run in a worker thread or in-process alike.
 */
import { ChainBreak, GENESIS_HASH, hashMatches, hashVersionOf } from '../../event-store/hash-chain';
import { LogRow } from './log-pages';

/** The first event of a lane's batch whose chain does not hold, as plain data a worker can post. */
export interface LaneBreak {
  position: string;
  stream: string;
  revision: string;
  reason: ChainBreak['reason'];
}

export class ChainLane {
  private readonly heads = new Map<string, string>();
  /** Streams seen with a v2 event: a v1 event after one is a downgrade no append writes. */
  private readonly boundStreams = new Set<string>();

  /** Checks `rows` (log order, streams of this lane only); returns the first break among them. */
  check(rows: readonly LogRow[]): LaneBreak | undefined {
    let first: LaneBreak | undefined;
    for (const row of rows) {
      const reason = this.checkOne(row);
      if (reason !== undefined && first === undefined) first = { position: row[0], stream: row[1], revision: row[2], reason };
    }
    return first;
  }

  private checkOne([, stream, revision, type, data, metadataText, previousHash, hash, id]: LogRow): ChainBreak['reason'] | undefined {
    // A stream's first event seen chains from genesis: every stream of the log starts at revision 0, so one
    // that starts later lost its first events (nothing else links to them). Later events chain from the
    // stored hash of the one before, broken or not.
    const expected = this.heads.get(stream) ?? GENESIS_HASH;
    this.heads.set(stream, hash);
    if (previousHash !== expected) return 'previous-hash-mismatch';
    const metadata = JSON.parse(metadataText) as unknown;
    if (hashVersionOf(metadata) === 2) this.boundStreams.add(stream);
    else if (this.boundStreams.has(stream)) return 'hash-version-downgrade';
    const event = { type, data: JSON.parse(data) as unknown, metadata, stream, revision, id, previousHash, hash };
    return hashMatches(event) ? undefined : 'hash-mismatch';
  }
}
