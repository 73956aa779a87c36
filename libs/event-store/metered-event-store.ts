import { Metrics } from '@libs/metrics';
import type { AppendOptions, AppendResult, EventStore, EventToAppend } from './event-store.port';
import { ForwardingEventStore } from './forwarding-event-store';

/** Counts appends and their outcomes around any EventStore. */
export class MeteredEventStore extends ForwardingEventStore {
  constructor(
    inner: EventStore,
    private readonly metrics: Metrics,
  ) {
    super(inner);
  }

  override async appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    try {
      const result = await this.inner.appendToStream(stream, events, options);
      this.metrics.appends.inc({ outcome: 'ok' });
      this.metrics.eventsAppended.inc(events.length);
      return result;
    } catch (error) {
      this.metrics.appends.inc({ outcome: (error as { code?: string }).code ?? 'error' });
      throw error;
    }
  }
}
