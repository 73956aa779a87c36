import { ReadAllOptions } from '../event-store.port';
import { EVENT_COLUMNS, VISIBLE_LIMIT } from './rows';

/**
 * Builds the read of the global log. Forwards reads stop below the visibility limit: an event of a
 * transaction that is still open would otherwise be skipped by a reader that checkpoints past it.
 */
export function readAllQuery(options: ReadAllOptions): { text: string; values: unknown[] } {
  const backwards = options.direction === 'backwards';
  const values: unknown[] = [];
  const where: string[] = [`log_position < ${VISIBLE_LIMIT}`];
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
    where.push(`EXISTS (SELECT 1 FROM unnest($${values.length}::text[]) AS p(prefix) WHERE starts_with(stream_id, p.prefix))`);
  }
  const types = options.filter?.eventTypes;
  if (types && types.length > 0) {
    values.push(types);
    where.push(`event_type = ANY($${values.length}::text[])`);
  }
  values.push(options.maxCount ?? null);
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE ${where.join(' AND ')}
      ORDER BY log_position ${backwards ? 'DESC' : 'ASC'} LIMIT $${values.length}`,
    values,
  };
}
