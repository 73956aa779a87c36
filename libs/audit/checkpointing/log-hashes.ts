/**
 * The global log's event hashes in log order: the leaves of the checkpoint Merkle tree. Kept in memory and
 * extended from the last position read, so a new checkpoint reads only what was appended since the last one.
 * Only the visible log is read (the store's readAll is gap-safe), so the list only ever grows at its end.
 */
import { EventStore } from '../../event-store/event-store.port';
import { comparePositions, Position } from '../../event-store/position';

export class LogHashes {
  private readonly hashes: string[] = [];
  private readonly positions: Position[] = [];
  private reading: Promise<number> = Promise.resolve(0);

  constructor(private readonly store: EventStore, private readonly pageSize = 1000) {}

  /** Reads what was appended since the last call; calls are serialised so no page is added twice. */
  catchUp(): Promise<number> {
    this.reading = this.reading.catch(() => 0).then(() => this.readNewPages());
    return this.reading;
  }

  get size(): number {
    return this.hashes.length;
  }

  head(): Position | undefined {
    return this.positions[this.positions.length - 1];
  }

  /** The first `count` hashes: the leaves of a tree of that size. */
  prefix(count: number): readonly string[] {
    return this.hashes.slice(0, count);
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
      for (const event of page) {
        this.hashes.push(event.hash);
        this.positions.push(event.position);
      }
      if (page.length < this.pageSize) return this.hashes.length;
    }
  }
}
