/**
 * One live subscription to the log, shared by every SSE stream that has caught up. Without it each open
 * stream runs its own subscription, and every append wakes N readers that each query the same new rows
 * (the bench shows the lag of 100 consumers growing with that). The hub keeps the most recent events in
 * a ring, contiguous after `ringAfter`, so a stream can hand over from its own catch-up reads to the hub
 * without a gap: it joins only when everything after its position is in the ring or still to come.
 */
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { comparePositions, EventStore, Position, RecordedEvent, START, Subscription } from '@libs/event-store';
import { accessContext } from '@libs/personal-data';

export interface HubListener {
  event(event: RecordedEvent): void;
  failed(error: unknown): void;
}

const RING_SIZE = 2000;

export class LiveHub implements OnModuleDestroy {
  private readonly logger = new Logger('feed');
  private readonly listeners = new Set<HubListener>();
  private ring: RecordedEvent[] = [];
  /** Every event after this position that the hub has seen is in the ring. */
  private ringAfter: Position = START;
  private subscription?: Subscription;
  private starting?: Promise<void>;
  /** Streams that read the live tail themselves (./feed-subscription.ts): ended with the listeners on closing. */
  private readonly watchers = new Set<HubListener>();
  /**
   * Set once the service stops. Nest closes the HTTP server, which waits for every open response, after this
   * module: a stream reaching the live tail later would start the hub again and keep the service from stopping.
   */
  private closed = false;

  constructor(private readonly store: EventStore) {}

  /** Streams on the live tail, through the hub or reading it themselves (a test sees a stream arrive there). */
  get following(): number {
    return this.listeners.size + this.watchers.size;
  }

  /**
   * Adds the listener if the hub can continue seamlessly after `after` (every event up to it already
   * delivered to the listener's stream): it first receives the ring's events after `after`, then live
   * ones. Returns false when the ring does not reach back that far: the caller reads more itself.
   */
  async join(after: Position, listener: HubListener): Promise<boolean> {
    this.refuseWhenClosed();
    await this.ensureRunning();
    this.refuseWhenClosed();
    if (comparePositions(after, this.ringAfter) < 0) return false;
    for (const event of this.ring) if (comparePositions(event.position, after) > 0) listener.event(event);
    this.listeners.add(listener);
    return true;
  }

  /** Registers a stream that reads the live tail itself, so that it ends with the others when the service stops. */
  watch(listener: HubListener): void {
    this.refuseWhenClosed();
    this.watchers.add(listener);
  }

  leave(listener: HubListener): void {
    this.listeners.delete(listener);
    this.watchers.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const watcher of this.watchers) watcher.failed(closing());
    this.watchers.clear();
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  private ensureRunning(): Promise<void> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<void> {
    const head = (await this.store.headPosition()) ?? START;
    this.refuseWhenClosed(); // closed while the head was read: start nothing
    this.ringAfter = head;
    this.ring = [];
    // Outside the context of the request that happens to start it, as the projector reads: the hub serves every
    // stream, and started by an auditor who stated a purpose it decrypted restricted fields for all of them.
    accessContext.exit(() => {
      const subscription = this.store.subscribeToAll({ fromPosition: head === START ? 'start' : head });
      this.subscription = subscription;
      void this.pump(subscription);
    });
  }

  private async pump(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.ring.push(event);
        if (this.ring.length > RING_SIZE) this.ringAfter = this.ring.shift()!.position;
        for (const listener of this.listeners) listener.event(event);
      }
      for (const listener of this.listeners) listener.failed(closing());
    } catch (error) {
      this.logger.warn(`live subscription failed: ${(error as Error)?.name ?? 'error'}; streams are ended and resume`);
      for (const listener of this.listeners) listener.failed(error);
    } finally {
      // Whoever joins next starts a fresh subscription; the listeners were told to end (and resume).
      this.listeners.clear();
      if (this.subscription === subscription) this.starting = undefined;
    }
  }

  private refuseWhenClosed(): void {
    if (this.closed) throw closing();
  }
}

/** Ends a stream as a failed read does: with a `retry:` hint, so that its client resumes on another instance. */
function closing(): Error {
  return new Error('the live feed is closing');
}
