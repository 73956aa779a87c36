/**
 * An EventStore decorator that refuses, before anything is written, an append holding an event whose
 * data does not fit its type's published schema. It sits outermost (before personal fields are
 * encrypted), so it checks the shapes the domain decided; every other call passes through.
 */
import { InvalidAppendError } from '../event-store/errors';
import type { AppendOptions, AppendResult, EventToAppend, StreamAppend } from '../event-store/event-store.port';
import { appendToStreams } from '../event-store/append-many';
import { ForwardingEventStore } from '../event-store/forwarding-event-store';
import { schemaViolation } from './registry';

/** An event does not match its published schema; the message names the type and path, not the value. */
export class EventSchemaViolationError extends InvalidAppendError {}

export class ValidatedEventStore extends ForwardingEventStore {
  override appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    for (const event of events) {
      const violation = schemaViolation(event.type, event.data);
      if (violation) return Promise.reject(new EventSchemaViolationError(violation));
    }
    return this.inner.appendToStream(stream, events, options);
  }

  /** Every event of every stream checked before any is written. */
  override appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    for (const { events } of appends) {
      for (const event of events) {
        const violation = schemaViolation(event.type, event.data);
        if (violation) return Promise.reject(new EventSchemaViolationError(violation));
      }
    }
    return appendToStreams(this.inner, appends);
  }
}
