/**
 * An EventStore decorator that upcasts every event it reads (readStream, readAll, subscriptions): every
 * reader behind it (command handling, projections, rebuilds, dead letters, replay, the feed) sees only the
 * current shape of each event, and none has to remember to upcast. Appends pass through untouched.
 *
 * The upcasters are the domain's (libs/domain/upcasting), as the personal-data decorator's field list is.
 * Hash-chain verification and exports read the store *under* this one (and under the personal-data one):
 * the chain covers the events as stored, not as upcast.
 */
import { upcastEvent } from '../domain/upcasting';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from './event-store.port';
import type { Position } from './position';
import { mapSubscription } from './read-mapping';

export class UpcastingEventStore implements EventStore {
  constructor(readonly inner: EventStore) {}

  appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(stream, events, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(stream, options)).map(toCurrentShape);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map(toCurrentShape);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return mapSubscription(this.inner.subscribeToAll(options), toCurrentShape);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The event with its data in the current shape (the same object when it already is). */
function toCurrentShape(event: RecordedEvent): RecordedEvent {
  return upcastEvent(event);
}
