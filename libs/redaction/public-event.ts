import type { RecordedEvent } from '../event-store/event-store.port';
import { jsonOf } from '../event-store/json-text';
import { jsonQuoted } from '../event-store/json-quote';
import { formatPosition } from '../event-store/position';
import { redactEvent } from './redact-event';

/**
 * An event as every subscriber channel delivers it: redacted, and JSON-safe (revision and position are
 * strings, positions in the text form of ../event-store/position.ts, because they outgrow 2^53).
 * The hash chain stays inside the service: it covers the unredacted content, so it would not verify.
 */
export interface PublicEvent {
  id: string;
  stream: string;
  revision: string;
  position: string;
  type: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  recordedAt: string;
}

export interface PublicEventOptions {
  /** Keep personal fields: only for a caller entitled to them (a subscriber with the `pii` scope). */
  personal?: boolean;
}

export function toPublicEvent(recorded: RecordedEvent, options: PublicEventOptions = {}): PublicEvent {
  const redacted = options.personal ? recorded : redactEvent(recorded);
  return {
    id: redacted.id,
    stream: redacted.stream,
    revision: redacted.revision.toString(),
    position: formatPosition(redacted.position),
    type: redacted.type,
    data: redacted.data,
    metadata: redacted.metadata,
    recordedAt: redacted.recordedAt,
  };
}

/**
 * `JSON.stringify(toPublicEvent(recorded, options))`: the same value, keys and order, but data and metadata
 * spliced as the JSON text they were read as when unchanged since (../event-store/json-text.ts). The feed
 * sends every event, and stringifying each again cost more than the read's parsing. The text may differ in
 * spacing and in how a number is spelled, never in value.
 */
export function publicEventJson(
  recorded: RecordedEvent,
  options: PublicEventOptions = {},
  position = formatPosition(recorded.position), // the caller's, when it has formatted it already (the SSE id)
): string {
  const event = options.personal ? recorded : redactEvent(recorded);
  // One template, no slicing: a slice of the joined text copied each event's JSON once more before it was sent.
  // Revision and position are digits (and a slash): nothing to escape.
  return `{"id":${jsonQuoted(event.id)},"stream":${jsonQuoted(event.stream)},"revision":"${event.revision.toString()}","position":"${position}","type":${jsonQuoted(event.type)}${part(event, 'data')}${part(event, 'metadata')}${recordedAtMember(event)}}`;
}

/** The text read when it still stands for the value, else the value stringified; nothing when undefined (as JSON.stringify). */
function part(event: RecordedEvent, key: 'data' | 'metadata'): string {
  return event[key] === undefined ? '' : `,"${key}":${jsonOf(event, key)}`;
}

/** Nothing, as JSON.stringify leaves an undefined value out, for an event whose metadata had no recordedAt. */
function recordedAtMember(event: RecordedEvent): string {
  return event.recordedAt === undefined ? '' : `,"recordedAt":${jsonQuoted(event.recordedAt)}`;
}
