/**
 * What one SSE stream iterates: its own catch-up reads of the log from its position, then, once caught
 * up, the shared live hub. Events of the hub are filtered and queued per stream; a stream whose queue
 * passes `maxQueued` (its consumer reads too slowly) fails with SlowConsumerError and is cut off.
 *
 * With a read replica the catch-up reads the replica's copy first, until a page comes back short, then goes
 * on from the primary strictly after the last event it gave, and joins the hub (which follows the primary).
 * Each copy's visible log is a prefix of the same log (positions are the rows' own, and each read stops at
 * its gap-safe limit), so the switch neither skips nor repeats an event, however far behind the replica is.
 */
import { comparePositions, EventFilter, EventStore, Position, ReadAllOptions, RecordedEvent, START, Subscription } from '@libs/event-store';
import { readSealed } from '@libs/personal-data';
import { matches } from './event-filter';
import { HubListener, LiveHub } from './live-hub';

/**
 * Events per catch-up read. Each page costs a statement, the visibility limit, a turn of redaction and one
 * socket write: at 1,000 the feed's catch-up ran 0.72-0.85 of the store's paged read (four runs), at 500
 * 0.70-0.79 (five; `npm run bench -- feed`). A consumer catching up holds at most two pages (one read ahead).
 */
export const FEED_PAGE_SIZE = 1_000;

export class SlowConsumerError extends Error {
  constructor() {
    super('the consumer fell too far behind the live feed');
  }
}

export interface FeedSubscriptionOptions {
  from: Position | 'start' | 'end';
  /** The read replica's copy of the log: the catch-up reads it first (see above). */
  replica?: EventStore;
  filter: EventFilter;
  maxQueued: number;
  pageSize?: number;
  /**
   * The audience strips personal fields (no `pii` scope): the catch-up reads them as the log holds them
   * (ciphertext), so no key is looked up and nothing decrypted for fields that are removed before sending.
   */
  sealed?: boolean;
  /**
   * The caller may read restricted personal fields (an auditor who stated a purpose): the live tail is read by
   * this stream in the caller's own context, since the shared hub reads outside any caller's (./live-hub.ts).
   */
  ownLiveReads?: boolean;
}

export class FeedSubscription implements Subscription {
  private queue: RecordedEvent[] = [];
  private failure?: unknown;
  private closed = false;
  private wake?: () => void;
  private ownLive?: Subscription;
  private readonly listener: HubListener = {
    event: (event) => this.enqueue(event),
    failed: (error) => this.fail(error),
  };

  constructor(
    private readonly store: EventStore,
    private readonly hub: LiveHub,
    private readonly options: FeedSubscriptionOptions,
  ) {}

  async close(): Promise<void> {
    this.closed = true;
    this.hub.leave(this.listener);
    this.wake?.();
    await this.ownLive?.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    for await (const batch of this.batches()) yield* batch;
  }

  /**
   * The same events as the iterator, a catch-up page at a time (live events one by one): the feed sends a
   * page in one turn, where awaiting each event (generators, scope checks) cost more than the read itself.
   */
  async *batches(): AsyncGenerator<RecordedEvent[]> {
    try {
      const start = await this.startPosition();
      const fromReplica = this.options.replica && this.options.from !== 'end' ? yield* this.replicaCatchUp(start) : start;
      if (fromReplica === undefined) return;
      const caughtUp = yield* this.catchUp(fromReplica);
      if (caughtUp !== undefined) yield* this.options.ownLiveReads ? this.readOwnLive(caughtUp) : this.live(caughtUp);
    } finally {
      await this.close();
    }
  }

  /**
   * Reads the log itself until the hub takes over; returns the position the hub continues after. The head is
   * read before a page only once a page came back short: a full page says nothing about the head, and reading
   * it before every page was a second statement per page (the visibility limit included) during catch-up.
   */
  private async *catchUp(from: Position): AsyncGenerator<RecordedEvent[], Position | undefined> {
    const pageSize = this.options.pageSize ?? FEED_PAGE_SIZE;
    let after = from;
    let confirming = false;
    let ahead: Promise<RecordedEvent[]> | undefined;
    while (!this.closed) {
      // Read before the page: when the page comes back short, every match up to this head has been read.
      const head = confirming ? ((await this.store.headPosition()) ?? START) : undefined;
      const page = await (ahead ?? this.readAfter(this.store, after));
      ahead = undefined;
      if (this.closed) return undefined;
      if (page.length > 0) after = page[page.length - 1].position;
      // After a full page, the next is read while this one is sent, so the database's work and the
      // serialisation overlap; it is the read that would follow, made earlier (anything appended meanwhile
      // comes in a later page, as it would have).
      if (page.length === pageSize) ahead = readAhead(this.readAfter(this.store, after));
      if (page.length > 0) yield page;
      confirming = page.length < pageSize;
      // A short page read without a head first: read once more, with one (anything appended meanwhile comes too).
      if (!confirming || head === undefined) continue;
      if (comparePositions(head, after) > 0) after = head;
      if (this.options.ownLiveReads || (await this.hub.join(after, this.listener))) return after;
    }
    return undefined;
  }

  /**
   * Pages of the replica's copy until one comes back short; returns the last position given (the primary
   * goes on strictly after it), undefined when closed. A replica that fails hands over to the primary too.
   */
  private async *replicaCatchUp(from: Position): AsyncGenerator<RecordedEvent[], Position | undefined> {
    const pageSize = this.options.pageSize ?? FEED_PAGE_SIZE;
    let after = from;
    while (!this.closed) {
      const fromPosition = comparePositions(after, START) === 0 ? 'start' : after;
      const page = await this.read(this.options.replica!, { fromPosition, maxCount: pageSize, filter: this.options.filter }).catch(
        () => [],
      );
      if (this.closed) return undefined;
      if (page.length > 0) {
        yield page;
        after = page[page.length - 1].position;
      }
      if (page.length < pageSize) return after;
    }
    return undefined;
  }

  /** One event at a time: an event stays in the queue, counted against `maxQueued`, until the feed takes it. */
  private async *live(from: Position): AsyncGenerator<RecordedEvent[]> {
    let after = from;
    for (;;) {
      while (this.queue.length > 0) {
        if (this.failure instanceof SlowConsumerError) throw this.failure;
        const event = this.queue.shift()!;
        if (comparePositions(event.position, after) <= 0) continue; // the hub had not reached our position yet
        if (this.closed) return;
        yield [event];
        after = event.position;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  /** The live tail from the store's own subscription (gap-safe, pulled as the feed sends, so nothing queues). */
  private async *readOwnLive(from: Position): AsyncGenerator<RecordedEvent[]> {
    this.hub.watch(this.listener);
    const fromPosition = comparePositions(from, START) === 0 ? 'start' : from;
    const subscription = (this.ownLive = this.store.subscribeToAll({ fromPosition, filter: this.options.filter }));
    // Closed, or failed, while it was being made: close() and fail() found none to close.
    if (this.closed || this.failure !== undefined) await subscription.close();
    for await (const event of subscription) yield [event];
    if (this.failure !== undefined) throw this.failure;
  }

  private readAfter(store: EventStore, after: Position): Promise<RecordedEvent[]> {
    const fromPosition = comparePositions(after, START) === 0 ? 'start' : after;
    return this.read(store, { fromPosition, maxCount: this.options.pageSize ?? FEED_PAGE_SIZE, filter: this.options.filter });
  }

  /**
   * The feed only serialises what it reads: the JSON text the store parsed is kept to be sent as it came, and the
   * hash chain, which it never sends, is not read.
   */
  private read(store: EventStore, options: ReadAllOptions): Promise<RecordedEvent[]> {
    const read = () => store.readAll({ ...options, keepJsonText: true, omitHashes: true });
    return this.options.sealed ? readSealed(read) : read();
  }

  private async startPosition(): Promise<Position> {
    const from = this.options.from;
    if (from === 'start') return START;
    if (from === 'end') return (await this.store.headPosition()) ?? START;
    return from;
  }

  private enqueue(event: RecordedEvent): void {
    if (!matches(this.options.filter, event)) return;
    if (this.queue.length >= this.options.maxQueued) return this.fail(new SlowConsumerError());
    this.queue.push(event);
    this.wake?.();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.hub.leave(this.listener);
    this.wake?.();
    void this.ownLive?.close();
  }
}

/**
 * A page read ahead, which the stream may never ask for (it closes first): its failure then goes unobserved
 * instead of crashing the process as an unhandled rejection. Awaited, it still fails as any read does.
 */
function readAhead(read: Promise<RecordedEvent[]>): Promise<RecordedEvent[]> {
  read.catch(() => undefined);
  return read;
}
