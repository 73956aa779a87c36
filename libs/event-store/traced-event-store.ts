import { SpanKind } from '@opentelemetry/api';
import { contextOf } from '@libs/observability/trace-context';
import { inSpan } from '@libs/observability/tracing';
import type { AppendOptions, AppendResult, EventToAppend, StreamAppend } from './event-store.port';
import { appendToStreams } from './append-many';
import { ForwardingEventStore } from './forwarding-event-store';

/**
 * Each append in an OpenTelemetry span, a child of the trace its events carry (the command's
 * `traceparent`), so an exported trace shows the caller's request, the append and what followed it.
 */
export class TracedEventStore extends ForwardingEventStore {
  override appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const attributes = {
      'eventstore.stream.category': stream.split('-')[0],
      'eventstore.events': events.length,
      'eventstore.event_types': [...new Set(events.map((event) => event.type))].join(','),
    };
    const parent = contextOf(events[0]?.metadata);
    return inSpan('eventstore.append', { kind: SpanKind.INTERNAL, attributes, parent }, async (span) => {
      const result = await this.inner.appendToStream(stream, events, options);
      span.setAttribute('eventstore.revision', result.nextExpectedRevision.toString());
      return result;
    });
  }

  /** One span for the whole batch (a bulk load's events carry no caller's trace). */
  override appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const attributes = {
      'eventstore.streams': appends.length,
      'eventstore.events': appends.reduce((sum, append) => sum + append.events.length, 0),
    };
    return inSpan('eventstore.append_streams', { kind: SpanKind.INTERNAL, attributes }, () => appendToStreams(this.inner, appends));
  }
}
