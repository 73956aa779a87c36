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
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeToAllOptions, Subscription } from './event-store.port';
import { ForwardingEventStore } from './forwarding-event-store';
import { mapSubscription } from './read-mapping';

export class UpcastingEventStore extends ForwardingEventStore {
  override async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(stream, options)).map(toCurrentShape);
  }

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map(toCurrentShape);
  }

  override subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return mapSubscription(this.inner.subscribeToAll(options), toCurrentShape);
  }
}

/** The event with its data in the current shape (the same object when it already is). */
function toCurrentShape(event: RecordedEvent): RecordedEvent {
  return upcastEvent(event);
}
