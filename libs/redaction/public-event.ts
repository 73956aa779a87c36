import type { RecordedEvent } from '../event-store/event-store.port';
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
