/**
 * The global log as the leaves of the checkpoint Merkle tree, kept whole (tree/merkle-tree.ts) and extended
 * from the last position read, so a new checkpoint reads only what was appended since the last one. Only
 * the visible log is read (the store's readAll is gap-safe), so the tree only ever grows at its end.
 *
 * Every event's hash is recomputed from its content and chained on its stream's previous one as it is
 * read: a row whose data was changed in place (its stored hash untouched) or whose chain was cut makes a
 * leaf the signed tree never had, so the root disagrees. The first such event is kept as `firstBreak`.
 */
import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { eventHash, GENESIS_HASH, hashMatches } from '../../event-store/hash-chain';
import { comparePositions, Position } from '../../event-store/position';
import { StreamHead, StreamHeads } from '../stream-heads';
import { MerkleTree } from '../tree/merkle-tree';

export interface LogBreak {
  position: Position;
  stream: string;
  revision: bigint;
  reason: 'hash-mismatch' | 'previous-hash-mismatch';
}

export class LogHashes {
  readonly tree = new MerkleTree();
  private readonly positions: Position[] = [];
  /** Each stream's last event seen: to check that every event chains on its predecessor, and the heads a checkpoint signs. */
  private readonly heads = new Map<string, StreamHead>();
  private reading: Promise<number> = Promise.resolve(0);
  /** The heads to keep as they stand when the log read reaches `size` events (keepHeadsAt). */
  private kept?: { size: number; heads?: StreamHeads };
  firstBreak?: LogBreak;

  constructor(
    private readonly store: EventStore,
    private readonly pageSize = 1000,
  ) {}

  /** Reads what was appended since the last call; calls are serialised so no page is added twice. */
  catchUp(): Promise<number> {
    this.reading = this.reading.catch(() => 0).then(() => this.readNewPages());
    return this.reading;
  }

  get size(): number {
    return this.tree.size;
  }

  /** The streams' heads as read so far, sorted and hashed into their tree. */
  streamHeads(): StreamHeads {
    return new StreamHeads(this.heads);
  }

  /** Keeps the streams' heads as they stand once `size` events are read: a checkpoint of that size signed them. */
  keepHeadsAt(size: number): void {
    this.kept = { size, heads: this.size === size ? this.streamHeads() : undefined };
  }

  /** The heads kept by keepHeadsAt, once the log read reached that size. */
  get keptHeads(): StreamHeads | undefined {
    return this.kept?.heads;
  }

  head(): Position | undefined {
    return this.positions[this.positions.length - 1];
  }

  /** 0-based index of the event at `position`, if the log read so far holds one there. */
  indexOf(position: Position): number | undefined {
    const index = this.firstNotBefore(position);
    return index < this.positions.length && comparePositions(this.positions[index], position) === 0 ? index : undefined;
  }

  /** Number of events at or before `position`. */
  countUpTo(position: Position): number {
    const index = this.firstNotBefore(position);
    return index < this.positions.length && comparePositions(this.positions[index], position) === 0 ? index + 1 : index;
  }

  private firstNotBefore(position: Position): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (comparePositions(this.positions[mid], position) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private async readNewPages(): Promise<number> {
    for (;;) {
      const page = await this.store.readAll({ fromPosition: this.head() ?? 'start', maxCount: this.pageSize });
      for (const event of page) this.add(event);
      if (page.length < this.pageSize) return this.size;
    }
  }

  private add(event: RecordedEvent): void {
    const expectedPrevious = this.heads.get(event.stream)?.hash ?? (event.revision === 0n ? GENESIS_HASH : event.previousHash);
    const reason = event.previousHash !== expectedPrevious ? 'previous-hash-mismatch' : hashMatches(event) ? undefined : 'hash-mismatch';
    if (reason && !this.firstBreak) this.firstBreak = { position: event.position, stream: event.stream, revision: event.revision, reason };
    this.heads.set(event.stream, { revision: event.revision, hash: event.hash });
    // A leaf of what the content hashes to: a stored hash left standing over changed content is not trusted.
    this.tree.appendEventHash(reason === 'hash-mismatch' ? recomputed(event) : event.hash);
    this.positions.push(event.position);
    if (this.kept?.size === this.size) this.kept.heads = this.streamHeads();
  }
}

/** What the event's content hashes to (a hash no genuine event has when it cannot be computed). */
function recomputed(event: RecordedEvent): string {
  try {
    return eventHash(event.previousHash, event);
  } catch {
    return 'f'.repeat(64);
  }
}
