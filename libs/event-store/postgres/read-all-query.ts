import { CheckpointReached, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { position } from '../position';
import { EVENT_COLUMNS, EVENT_COLUMNS_WITHOUT_HASHES, EventRow, toRecordedEvent, VISIBLE_LIMIT } from './rows';

/**
 * Builds the read of the global log. Forwards reads stop below the visibility limit: an event of a
 * transaction that is still open would otherwise be skipped by a reader that checkpoints past it.
 */
export function readAllQuery(options: ReadAllOptions, limit = VISIBLE_LIMIT): { text: string; values: unknown[] } {
  const backwards = options.direction === 'backwards';
  const values: unknown[] = [];
  const where: string[] = options.includeHeldBack ? [] : [`log_position < ${limit}`];
  const from = options.fromPosition ?? (backwards ? 'end' : 'start');
  if (typeof from === 'object') {
    values.push(from.prepare.toString());
    where.push(`log_position ${backwards ? '<' : '>'} $${values.length}`);
  } else if ((from === 'end' && !backwards) || (from === 'start' && backwards)) {
    where.push('false');
  }
  const prefixes = options.filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0) {
    values.push(prefixes);
    // A filter on the row (`^@` is starts_with), not a semi-join with the unnested prefixes: a join per row.
    where.push(`stream_id ^@ ANY($${values.length}::text[])`);
  }
  const types = options.filter?.eventTypes;
  if (types && types.length > 0) {
    values.push(types);
    where.push(`event_type = ANY($${values.length}::text[])`);
  }
  values.push(options.maxCount ?? null);
  return {
    text: `SELECT ${options.omitHashes ? EVENT_COLUMNS_WITHOUT_HASHES : EVENT_COLUMNS} FROM event_store.events WHERE ${where.join(' AND ') || 'true'}
      ORDER BY log_position ${backwards ? 'DESC' : 'ASC'} LIMIT $${values.length}`,
    values,
  };
}

/**
 * A forwards read that also answers how far it has read: the last event of any type below the same
 * visibility limit, in the same statement (one snapshot). Every event matching the filter up to that
 * position is in the page unless the page is full, so a filtered reader can checkpoint there.
 */
export function readAllUpToQuery(options: ReadAllOptions): { text: string; values: unknown[] } {
  const page = readAllQuery({ ...options, direction: 'forwards' }, '(SELECT l FROM lim)');
  return {
    text: `WITH lim AS MATERIALIZED (SELECT ${VISIBLE_LIMIT} AS l),
      head AS (SELECT log_position, metadata->>'recordedAt' AS recorded_at FROM event_store.events
                WHERE log_position < (SELECT l FROM lim) ORDER BY log_position DESC LIMIT 1)
      SELECT (SELECT log_position FROM head) AS head_position, (SELECT recorded_at FROM head) AS head_recorded_at, page.*
        FROM (SELECT 1) AS one LEFT JOIN LATERAL (${page.text}) AS page ON true ORDER BY page.log_position`,
    values: page.values,
  };
}

export type ReadUpToRow = EventRow & { head_position: string | null; head_recorded_at: string | null };

/** The page's events (a row without one stands for an empty page) and the head it read up to. */
export function readUpTo(rows: ReadUpToRow[]): { events: RecordedEvent[]; reached?: CheckpointReached } {
  const head = rows[0]?.head_position;
  return {
    events: rows.filter((row) => row.event_id !== null).map(toRecordedEvent),
    reached: head ? { position: position(BigInt(head)), recordedAt: rows[0].head_recorded_at ?? '' } : undefined,
  };
}
