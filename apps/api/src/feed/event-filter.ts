import { EventFilter, RecordedEvent } from '@libs/event-store';

/** Whether a live event passes a subscription's filter, as the store's read applies it to the log's events. */
export function matches(filter: EventFilter, event: RecordedEvent): boolean {
  if (filter.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes?.length && !filter.streamPrefixes.some((prefix) => event.stream.startsWith(prefix))) return false;
  return true;
}
