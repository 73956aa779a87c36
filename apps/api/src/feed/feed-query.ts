/**
 * The query of both feed routes: where to start and which events. Every malformed part is a 400 naming
 * the parameter and the value (positions, type names and stream prefixes are not personal data), and so is
 * a parameter the route does not read or a type the log does not store: either would otherwise widen or
 * empty the subscription without a word (`?type=` for `?types=` sent every event).
 */
import { isStoredEventType } from '@libs/domain/event-types';
import { EventFilter, parsePosition, Position } from '@libs/event-store';
import { ProblemException } from '../http/problem';
import { quoted, RawQuery, refuseUnknownParameters } from '../http/query-parameters';

export interface FeedQuery {
  /** Exclusive. */
  from: Position | 'start' | 'end';
  filter: EventFilter;
}

export type { RawQuery } from '../http/query-parameters';

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
const STREAM_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
/** Every query parameter the feed routes read (pages read `limit` too); the OpenAPI test holds the document to them. */
export const FEED_PARAMETERS = ['from', 'types', 'streams'] as const;
export const PAGE_PARAMETERS = [...FEED_PARAMETERS, 'limit', 'minPosition'] as const;
export const MAX_PAGE = 1000;
/** As many types or stream prefixes as a consumer group's filter may name: every row read is tested against each. */
export const MAX_LIST = 100;
export const DEFAULT_PAGE = 100;

/** `Last-Event-ID` (a reconnecting EventSource sends it) takes precedence over `from`. */
export function parseFeedQuery(query: RawQuery, lastEventId?: string, parameters: readonly string[] = FEED_PARAMETERS): FeedQuery {
  refuseUnknownParameters(query, parameters, 'invalid-query');
  const from = lastEventId !== undefined ? parseFrom(lastEventId, 'Last-Event-ID') : parseFrom(single(query, 'from'), 'from');
  return { from, filter: parseFilter(query) };
}

export function parseFilter(query: RawQuery): EventFilter {
  const types = list(query, 'types', EVENT_TYPE);
  const unknown = types?.find((type) => !isStoredEventType(type));
  if (unknown !== undefined) throw invalid('types', unknown, 'an event type the log stores');
  const streams = list(query, 'streams', STREAM_PREFIX);
  return { ...(types && { eventTypes: types }), ...(streams && { streamPrefixes: streams }) };
}

export function parseLimit(query: RawQuery): number {
  const raw = single(query, 'limit');
  if (raw === undefined) return DEFAULT_PAGE;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_PAGE) throw invalid('limit', raw, `an integer from 1 to ${MAX_PAGE}`);
  return limit;
}

function parseFrom(raw: string | undefined, name: string): FeedQuery['from'] {
  if (raw === undefined || raw === '' || raw === 'start') return 'start';
  if (raw === 'end') return 'end';
  const parsed = parsePosition(raw);
  if (!parsed) throw invalid(name, raw, 'a log position such as "123" or "123/120", or start, or end');
  return parsed;
}

function list(query: RawQuery, name: string, item: RegExp): string[] | undefined {
  const raw = single(query, name);
  if (raw === undefined) return undefined;
  const items = [...new Set(raw.split(',').map((part) => part.trim()))];
  const bad = items.find((part) => !item.test(part));
  if (bad !== undefined) throw invalid(name, bad, 'a comma-separated list of names');
  if (items.length > MAX_LIST) throw invalid(name, `${items.length} names`, `a list of at most ${MAX_LIST} names`);
  return items;
}

function single(query: RawQuery, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw ProblemException.of(400, 'invalid-query', `${name} must be given once`);
  return value;
}

function invalid(name: string, value: string, expected: string): ProblemException {
  return ProblemException.of(400, 'invalid-query', `${name} ${quoted(value)} is not ${expected}`, {
    parameter: name,
    value: value.slice(0, 60),
  });
}
