import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  Position,
} from './index';
import { Metrics } from '@libs/metrics';

/** Counts appends and their outcomes around any EventStore. */
export class MeteredEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly metrics: Metrics,
  ) {}

  async appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
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
