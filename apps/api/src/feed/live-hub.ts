/**
 * One live subscription to the log, shared by every SSE stream that has caught up. Without it each open
 * stream runs its own subscription, and every append wakes N readers that each query the same new rows
 * (the bench shows the lag of 100 consumers growing with that). The hub keeps the most recent events in
 * a ring, contiguous after `ringAfter`, so a stream can hand over from its own catch-up reads to the hub
 * without a gap: it joins only when everything after its position is in the ring or still to come.
 */
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { comparePositions, EventStore, Position, RecordedEvent, START, Subscription } from '@libs/event-store';

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

  constructor(private readonly store: EventStore) {}

  /**
   * Adds the listener if the hub can continue seamlessly after `after` (every event up to it already
   * delivered to the listener's stream): it first receives the ring's events after `after`, then live
   * ones. Returns false when the ring does not reach back that far: the caller reads more itself.
   */
  async join(after: Position, listener: HubListener): Promise<boolean> {
    await this.ensureRunning();
    if (comparePositions(after, this.ringAfter) < 0) return false;
    for (const event of this.ring) if (comparePositions(event.position, after) > 0) listener.event(event);
    this.listeners.add(listener);
    return true;
  }

  leave(listener: HubListener): void {
    this.listeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
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
    this.ringAfter = head;
    this.ring = [];
    const subscription = this.store.subscribeToAll({ fromPosition: head === START ? 'start' : head });
    this.subscription = subscription;
    void this.pump(subscription);
  }

  private async pump(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.ring.push(event);
        if (this.ring.length > RING_SIZE) this.ringAfter = this.ring.shift()!.position;
        for (const listener of this.listeners) listener.event(event);
      }
      for (const listener of this.listeners) listener.failed(new Error('the live feed is closing'));
    } catch (error) {
      this.logger.warn(`live subscription failed: ${(error as Error)?.name ?? 'error'}; streams are ended and resume`);
      for (const listener of this.listeners) listener.failed(error);
    } finally {
      // Whoever joins next starts a fresh subscription; the listeners were told to end (and resume).
      this.listeners.clear();
      if (this.subscription === subscription) this.starting = undefined;
    }
  }
}
