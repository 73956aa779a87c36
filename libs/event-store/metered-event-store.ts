import { Metrics } from '@libs/metrics';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, StreamAppend } from './event-store.port';
import { appendToStreams } from './append-many';
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

  /** One append counted per stream, as if each had been appended on its own. */
  override async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    try {
      const results = await appendToStreams(this.inner, appends);
      this.metrics.appends.inc({ outcome: 'ok' }, appends.length);
      this.metrics.eventsAppended.inc(appends.reduce((sum, append) => sum + append.events.length, 0));
      return results;
    } catch (error) {
      this.metrics.appends.inc({ outcome: (error as { code?: string }).code ?? 'error' });
      throw error;
    }
  }
}
