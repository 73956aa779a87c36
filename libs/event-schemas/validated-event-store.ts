/**
 * An EventStore decorator that refuses, before anything is written, an append holding an event whose
 * data does not fit its type's published schema. It sits outermost (before personal fields are
 * encrypted), so it checks the shapes the domain decided; every other call passes through.
 */
import { InvalidAppendError } from '../event-store/errors';
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
} from '../event-store/event-store.port';
import type { Position } from '../event-store/position';
import { schemaViolation } from './registry';

/** An event does not match its published schema; the message names the type and path, not the value. */
export class EventSchemaViolationError extends InvalidAppendError {}

export class ValidatedEventStore implements EventStore {
  constructor(readonly inner: EventStore) {}

  appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    for (const event of events) {
      const violation = schemaViolation(event.type, event.data);
      if (violation) return Promise.reject(new EventSchemaViolationError(violation));
    }
    return this.inner.appendToStream(stream, events, options);
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
