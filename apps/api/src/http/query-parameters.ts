/**
 * The query string of a route that takes it raw (`@Query() query: RawQuery`) and parses it itself. Such a
 * route refuses any parameter it does not read: a misspelt one (`?type=` for `?types=`, `?lmit=`) would
 * otherwise be dropped without a word and the caller would get a wider or longer answer than asked for.
 */
import { ProblemException } from './problem';

export type RawQuery = Record<string, unknown>;

/** A value as a problem's detail shows it: quoted, and cut at 60 characters. */
export const quoted = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * A 400 naming the first parameter of `query` that is not one of `parameters` (in `detail` and `parameter`).
 * `code` is the route's documented code for a bad query: `invalid-query` on the feed and consumer groups,
 * `invalid-parameter` on the analysts' reads (indicators, scores), whose pages word it (apps/web i18n).
 */
export function refuseUnknownParameters(query: RawQuery, parameters: readonly string[], code: 'invalid-query' | 'invalid-parameter'): void {
  const unknown = Object.keys(query).find((name) => !parameters.includes(name));
  if (unknown === undefined) return;
  throw ProblemException.of(400, code, `${quoted(unknown)} is not a parameter of this route: ${parameters.join(', ')}`, {
    parameter: unknown.slice(0, 60),
  });
}
