/**
 * The base of the store's decorators (metering, schema validation, upcasting, ...): every call goes to
 * `inner` unchanged, so a decorator overrides only the calls it changes.
 */
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
} from './event-store.port';
import type { Position } from './position';
import { appendOneByOne, appendToStreams } from './append-many';

export class ForwardingEventStore implements EventStore {
  constructor(readonly inner: EventStore) {}

  appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(stream, events, options);
  }

  /**
   * A decorator that changes appends (validation, encryption, metering) overrides appendToStream; unless
   * it overrides this too, a multi-stream append goes through its appendToStream stream by stream, so
   * nothing it does to appends is skipped. Decorators that leave appends alone pass the batch on whole.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const changesAppends = this.appendToStream !== ForwardingEventStore.prototype.appendToStream;
    return changesAppends ? appendOneByOne(this, appends) : appendToStreams(this.inner, appends);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
