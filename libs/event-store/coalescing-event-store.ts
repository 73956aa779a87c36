/**
 * Group commit for many writers in one process: appends asked for while another batch is being written
 * (or in the same turn of the event loop) go to the store together, as one multi-stream append (one
 * transaction on PostgreSQL: append-streams.ts) instead of a transaction each. Each append keeps its own
 * expected revision, checked in that transaction.
 *
 * A batch is all or nothing, while each append must get its own answer: should the batch fail (a revision
 * conflict, a re-sent append whose ids are stored, a lost connection), nothing of it was written (or, for a
 * commit whose answer was lost, all of it was), and each append is sent again alone, to be answered as
 * `appendToStream` answers it: written, a re-send recognised (`resent: true`), or its own conflict.
 *
 * For the generator's command path, which keeps many commands in flight; the API appends one request's
 * command at a time, where a transaction of its own answers soonest.
 */
import { appendToStreams } from './append-many';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, StreamAppend } from './event-store.port';
import { ForwardingEventStore } from './forwarding-event-store';

interface Waiting {
  append: StreamAppend;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export class CoalescingEventStore extends ForwardingEventStore {
  private waiting: Waiting[] = [];
  private writing = false;
  private scheduled = false;

  /**
   * `maxBatch` appends at most in one transaction. With more writers than that, the next batch is waiting
   * by the time one commits, while the writers of the one committed decide their next appends.
   */
  constructor(
    inner: EventStore,
    private readonly maxBatch = 250,
  ) {
    super(inner);
  }

  override appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ append: { stream, events, expectedRevision: options.expectedRevision }, resolve, reject });
      this.schedule();
    });
  }

  override appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return appendToStreams(this.inner, appends);
  }

  /** After this turn's appends have joined, unless a batch is being written: its end sends the next. */
  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.writeBatch();
    });
  }

  private async writeBatch(): Promise<void> {
    const batch = this.waiting.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.writing = true;
    try {
      await (batch.length === 1 ? this.alone(batch[0]) : this.together(batch));
    } finally {
      this.writing = false;
      if (this.waiting.length > 0) this.schedule();
    }
  }

  private async together(batch: readonly Waiting[]): Promise<void> {
    let results: AppendResult[];
    try {
      results = await appendToStreams(
        this.inner,
        batch.map((waiting) => waiting.append),
      );
    } catch {
      await Promise.all(batch.map((waiting) => this.alone(waiting)));
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  private async alone({ append, resolve, reject }: Waiting): Promise<void> {
    await this.inner.appendToStream(append.stream, append.events, { expectedRevision: append.expectedRevision }).then(resolve, reject);
  }
}
