/**
 * An EventStore decorator that upcasts every event it reads (readStream, readAll, subscriptions): every
 * reader behind it (command handling, projections, rebuilds, dead letters, replay, the feed) sees only the
 * current shape of each event, and none has to remember to upcast. Appends pass through untouched.
 *
 * The upcaster comes from the composition root (libs/domain/upcasting's `upcastEvent`), so the store knows
 * nothing of the domain. Hash-chain verification and exports read the store *under* this one (and under
 * the personal-data one): the chain covers the events as stored, not as upcast.
 */
import type {
  AppendOptions, AppendResult, EventStore, EventToAppend, ReadAllOptions, ReadStreamOptions, RecordedEvent,
  SubscribeToAllOptions, Subscription,
} from './event-store.port';
import type { Position } from './position';
import { mapSubscription } from './read-mapping';

/** Brings one recorded event to its current shape; returns it as is when it already is. */
export type Upcaster = (event: RecordedEvent) => RecordedEvent;

export class UpcastingEventStore implements EventStore {
  constructor(readonly inner: EventStore, private readonly toCurrentShape: Upcaster) {}

  appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(stream, events, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(stream, options)).map(this.toCurrentShape);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map(this.toCurrentShape);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return mapSubscription(this.inner.subscribeToAll(options), this.toCurrentShape);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
