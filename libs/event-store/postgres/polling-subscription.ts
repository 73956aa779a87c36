/**
 * Catch-up then live, over any `readAll`: read pages from the last position delivered; at the head, wait
 * for a wake-up (an append) or the fallback poll. After a wake-up that found nothing (an older transaction
 * still holds the visibility limit back) it re-reads soon, backing off up to the poll interval.
 */
import { CheckpointReached, EventFilter, ReadAllOptions, RecordedEvent, Subscription } from '../event-store.port';
import { isAfter, Position, START } from '../position';

export interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** A read that also tells how far it read (needed for `onCheckpoint`). */
  readAllUpTo?(options: ReadAllOptions): Promise<{ events: RecordedEvent[]; reached?: CheckpointReached }>;
  headPosition(): Promise<Position | undefined>;
  onAppend(waker: () => void): () => void;
}

export interface PollingOptions {
  fromPosition?: Position | 'start' | 'end';
  filter?: EventFilter;
  onCheckpoint?: (reached: CheckpointReached) => void;
  pageSize?: number;
  pollIntervalMs?: number;
}

export class PollingSubscription implements Subscription {
  private closed = false;
  private wake?: () => void;
  private woken = false;
  private readonly removeWaker: () => void;

  constructor(
    private readonly source: PollingSource,
    private readonly options: PollingOptions = {},
  ) {
    this.removeWaker = source.onAppend(() => {
      this.woken = true;
      this.wake?.();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.removeWaker();
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const pageSize = this.options.pageSize ?? 500;
    const pollMs = this.options.pollIntervalMs ?? 500;
    let after = await this.startPosition();
    let retryMs = 1;
    let chasing = false;
    try {
      while (!this.closed) {
        const wokenBefore = this.woken;
        this.woken = false;
        const { events: page, reached } = await this.read(after, pageSize);
        for (const event of page) {
          if (this.closed) return;
          yield event;
          after = event.position;
        }
        if (page.length === pageSize) continue;
        // Every matching event up to `reached` was delivered: report it, and read on from there.
        if (reached && isAfter(reached.position, after)) {
          after = reached.position;
          this.options.onCheckpoint?.(reached);
        }
        if (page.length > 0) {
          chasing = this.woken;
          retryMs = 1;
        } else if (wokenBefore || this.woken) {
          chasing = true;
        }
        if (chasing && retryMs < pollMs) {
          await this.sleep(retryMs);
          retryMs *= 2;
        } else {
          chasing = false;
          retryMs = 1;
          await this.sleep(pollMs);
        }
      }
    } finally {
      await this.close();
    }
  }

  private async read(after: Position, pageSize: number): Promise<{ events: RecordedEvent[]; reached?: CheckpointReached }> {
    const options = { fromPosition: after, maxCount: pageSize, filter: this.options.filter };
    if (this.options.onCheckpoint && this.source.readAllUpTo) return this.source.readAllUpTo(options);
    return { events: await this.source.readAll(options) };
  }

  private async startPosition(): Promise<Position> {
    const from = this.options.fromPosition ?? 'start';
    if (from === 'start') return START;
    if (from === 'end') return (await this.source.headPosition()) ?? START;
    return from;
  }

  /** Sleeps until woken, closed or the timeout, whichever comes first. */
  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }
}
