/**
 * Subject of an event on NATS: `family-ledger.<stream category>.<event type>.<place>`, the place being the
 * district the stream lies in (`640104`) or `city` (libs/event-scope). A district's system subscribes to
 * `family-ledger.*.*.640104`, and NATS permissions can hold it to that; `family-ledger.household.>` still
 * receives every district's.
 */
export const SUBJECT_ROOT = 'family-ledger';

/** The category is the stream name before its first `-` (`household-42` -> `household`). */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

/** NATS subject tokens may not hold `.`, `*`, `>` or whitespace; anything outside a safe set becomes `_`. */
function token(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]/g, '_');
  return safe.length > 0 ? safe : '_';
}

export const CITY_PLACE = 'city';

export function subjectOf(event: { stream: string; type: string }, place: string = CITY_PLACE): string {
  return `${SUBJECT_ROOT}.${token(streamCategory(event.stream))}.${token(event.type)}.${token(place)}`;
}
