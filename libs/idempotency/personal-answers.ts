/**
 * How an idempotent answer is kept so that no stored answer holds personal data in the clear. Of all the
 * POST answers only a consumer-group claim carries personal fields (events, for a subscriber with the
 * `pii` scope). Encrypting them for storage would need a key per household and a purge at erasure; keeping
 * a reference is simpler and needs neither: the answer is stored with its events redacted (their ids,
 * streams and revisions stay), and a replay reads the personal fields again from the log through the
 * store's decryption, for a caller entitled to them at replay time. So a replay after the household's
 * erasure shows `[erased]`, a restricted one `[restricted]`, and the idempotency table (with its WAL and
 * old pages) never saw the plaintext.
 */
import { withPersonalFields } from '../consumer-groups/personal-fields';
import type { EventStore } from '../event-store/event-store.port';
import { mayReceivePersonalFields } from '../personal-data/access-context';
import { PublicEvent, redactEvent } from '../redaction';

/** Turns an answer into the form kept in the idempotency store, and that form back into a replay. */
export interface AnswerSealer {
  seal(body: unknown): unknown;
  open(stored: unknown): Promise<unknown>;
}

/** Keeps answers as they are: for stores that never see personal data (tests of the store itself). */
export const plainAnswers: AnswerSealer = { seal: (body) => body, open: async (stored) => stored };

type WithEvents = { events: PublicEvent[] } & Record<string, unknown>;

function hasEvents(body: unknown): body is WithEvents {
  return typeof body === 'object' && body !== null && Array.isArray((body as { events?: unknown }).events);
}

function isEventLike(item: unknown): item is PublicEvent {
  const event = item as Partial<PublicEvent> | null;
  return !!event && typeof event.type === 'string' && typeof event.stream === 'string' && typeof event.data === 'object';
}

/** Redacts events on the way in; on replay, reads their personal fields again for an entitled caller. */
export function personalAnswers(store: EventStore): AnswerSealer {
  return {
    seal(body) {
      if (!hasEvents(body)) return body;
      // redactEvent strips by name at any depth as well as the registered paths: fails closed on new fields.
      return { ...body, events: body.events.map((event) => (isEventLike(event) ? redactEvent(event as never) : event)) };
    },
    async open(stored) {
      if (!hasEvents(stored) || !mayReceivePersonalFields()) return stored;
      const events = stored.events.filter(isEventLike);
      const reread = new Map((await withPersonalFields(store, events)).map((event) => [event.id, event]));
      return { ...stored, events: stored.events.map((event) => (isEventLike(event) ? (reread.get(event.id) ?? event) : event)) };
    },
  };
}
