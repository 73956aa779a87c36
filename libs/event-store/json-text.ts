/**
 * The JSON text a recorded event's data and metadata were read as, kept with the event for a reader that only
 * serialises them again (the SSE feed): splicing the text PostgreSQL sent costs nothing, where JSON.stringify
 * of each event cost more than parsing it. The text counts only while the event still holds the very objects
 * parsed from it: a copy of the event has none (the text lives in private fields, which spreads and clones do
 * not copy), and one that changed data or metadata in place is stringified as before.
 * Caveat: nested values read from the store are never modified in place; such a change would not reach the text.
 */
import type { EventMetadata, JsonObject, RecordedEvent } from './event-store.port';
import type { Position } from './position';

class EventWithJsonText implements RecordedEvent {
  id: string;
  stream: string;
  revision: bigint;
  position: Position;
  type: string;
  data: JsonObject;
  metadata: EventMetadata & { recordedAt: string };
  recordedAt: string;
  previousHash: string;
  hash: string;
  readonly #data: JsonObject;
  readonly #dataText: string;
  readonly #metadata: object;
  readonly #metadataText: string;

  constructor(event: RecordedEvent, dataText: string, metadataText: string) {
    this.id = event.id;
    this.stream = event.stream;
    this.revision = event.revision;
    this.position = event.position;
    this.type = event.type;
    this.data = this.#data = event.data;
    this.metadata = this.#metadata = event.metadata;
    this.recordedAt = event.recordedAt;
    this.previousHash = event.previousHash;
    this.hash = event.hash;
    this.#dataText = dataText;
    this.#metadataText = metadataText;
  }

  static textOf(event: RecordedEvent, part: 'data' | 'metadata'): string | undefined {
    if (!(event instanceof EventWithJsonText)) return undefined;
    if (part === 'data') return event.data === event.#data ? event.#dataText : undefined;
    return event.metadata === event.#metadata ? event.#metadataText : undefined;
  }
}

/** The event, with the texts its data and metadata were parsed from. */
export function keepingJsonText(event: RecordedEvent, dataText: string, metadataText: string): RecordedEvent {
  return new EventWithJsonText(event, dataText, metadataText);
}

/** The JSON of the event's data or metadata: the text read, when the event still holds what was parsed from it. */
export function jsonOf(event: RecordedEvent, part: 'data' | 'metadata'): string {
  return EventWithJsonText.textOf(event, part) ?? JSON.stringify(event[part]);
}
