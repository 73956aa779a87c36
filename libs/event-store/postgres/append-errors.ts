/** What PostgreSQL's refusals of an append statement mean to the event store (see append-statement.ts). */
import { DuplicateEventIdError, InvalidAppendError } from '../errors';

/** The event-id index refused an id already stored (a re-send, or a reuse). */
export function isEventIdReuse(error: unknown): boolean {
  const pg = error as { code?: string; constraint?: string };
  return pg.code === '23505' && pg.constraint === 'events_event_id_key';
}

/** Another append took the stream's next revision first (see append-statement.ts). */
export function isRevisionRace(error: unknown): boolean {
  const pg = error as { code?: string; constraint?: string };
  return pg.code === '23505' && pg.constraint === 'events_stream_revision_key';
}

/** The store's own error for a refusal PostgreSQL reported, or the error as it came. */
export function translateAppendError(stream: string, error: unknown): unknown {
  const pg = error as { code?: string; constraint?: string };
  if (isEventIdReuse(error)) return new DuplicateEventIdError(stream);
  // 22P02 invalid uuid, 22P05 untranslatable character (\u0000) in jsonb, 54000 too many events.
  if (pg.code === '22P02' || pg.code === '22P05' || pg.code === '54000')
    return new InvalidAppendError(`stream ${stream}: append refused by the store`);
  return error;
}
