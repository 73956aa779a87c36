/**
 * One read of the log for every read model rebuilt together: each page is parsed, decrypted and upcast once,
 * then handed to each read model's fold (the events of its types after its own position). Reading runs ahead
 * while the folds work and flush: each fold may fall `ahead` pages behind the reader before the reader waits
 * for it, which bounds the memory (pages are shared, not copied).
 */
import { RecordedEvent } from '../event-store/event-store.port';
import { isAfter, Position } from '../event-store/position';

/** A fold's side of the fan-out: the pages meant for it, as the per-projection rebuild loop consumes them. */
class Channel implements AsyncIterable<RecordedEvent[]> {
  private readonly queue: RecordedEvent[][] = [];
  private closed = false;
  private wakeReader?: () => void;
  private wakeFold?: () => void;

  constructor(private readonly ahead: number) {}

  /** Waits while the fold is `ahead` pages behind; a fold that has stopped (failed) takes nothing more. */
  async push(page: RecordedEvent[]): Promise<void> {
    while (this.queue.length >= this.ahead && !this.closed) await new Promise<void>((resolve) => (this.wakeReader = resolve));
    if (this.closed) return;
    this.queue.push(page);
    this.wakeFold?.();
  }

  /** No more pages: the fold ends after the queued ones. Also called when the fold stops early. */
  close(): void {
    this.closed = true;
    this.wakeFold?.();
    this.wakeReader?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent[]> {
    try {
      for (;;) {
        const page = this.queue.shift();
        if (page) {
          this.wakeReader?.();
          yield page;
        } else if (this.closed) return;
        else await new Promise<void>((resolve) => (this.wakeFold = resolve));
      }
    } finally {
      this.close(); // the fold stopped (done or failed): the reader must not wait for it
    }
  }
}

export interface FanOutTarget {
  handles: readonly string[];
  /** Events at or before it are already in this target's copy. */
  after: Position | undefined;
}

/**
 * Reads `pages` (the union of the targets' types, from the earliest position) and runs `fold` once per target
 * over its share, all concurrently. Resolves when every fold has finished; rejects with the first failure
 * (after the other folds have stopped).
 */
export async function fanOut<T>(
  pages: AsyncIterable<RecordedEvent[]>,
  targets: readonly FanOutTarget[],
  fold: (index: number, pages: AsyncIterable<RecordedEvent[]>) => Promise<T>,
  ahead = 2,
): Promise<T[]> {
  const channels = targets.map(() => new Channel(ahead));
  const types = targets.map((t) => new Set(t.handles));
  const folds = channels.map((channel, i) => fold(i, channel));
  let failed = false;
  const settled = Promise.allSettled(folds).then(() => undefined);
  folds.forEach((f) => f.catch(() => (failed = true)));
  try {
    for await (const page of pages) {
      if (failed) break;
      await Promise.all(
        channels.map((channel, i) => {
          const { after } = targets[i];
          const share = page.filter((e) => types[i].has(e.type) && (!after || isAfter(e.position, after)));
          return share.length > 0 ? channel.push(share) : undefined;
        }),
      );
    }
  } finally {
    channels.forEach((c) => c.close());
    await settled;
  }
  return Promise.all(folds);
}
