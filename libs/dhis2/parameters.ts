/**
 * The query parameters each DHIS2 route reads. Anything else is refused (DHIS2's 409 body), as GET /indicators
 * refuses it: DHIS2's own spellings (`orgUnit`, `period`, `startDate`, `idScheme`) or a second `ou` would
 * otherwise be dropped without a word, and the caller would get another org unit or a wider span than asked.
 */
import { AnalyticsError } from './analytics';

export const DATA_VALUE_SET_PARAMETERS = ['dataSet', 'ou', 'pe', 'children', 'format'] as const;
/**
 * `displayProperty` and `skipMeta` are DHIS2 clients' presentation options, sent by default by many: they change no
 * figure (names are always given, and the metadata always comes), so they are taken and have no effect.
 */
export const ANALYTICS_PARAMETERS = ['dimension', 'filter', 'includeNumDen', 'displayProperty', 'skipMeta'] as const;
/** The parameters DHIS2 itself takes repeated; every other one is given once. */
const REPEATABLE: readonly string[] = ['dimension', 'filter'];

/** Throws an AnalyticsError naming the first parameter of `query` that is not in `known`, or repeated where it may not be. */
export function checkDhis2Parameters(query: Record<string, unknown>, known: readonly string[]): void {
  for (const [name, value] of Object.entries(query)) {
    if (!known.includes(name)) throw new AnalyticsError(`Query parameter is not supported: ${name.slice(0, 40)} (use ${known.join(', ')})`);
    if (!REPEATABLE.includes(name) && typeof value !== 'string')
      throw new AnalyticsError(`Query parameter must be given once, as text: ${name}`);
  }
}

/** Throws an AnalyticsError unless `value` (a parameter given once, or absent) is one of `choices`: `children=yes` was read as false. */
export function checkDhis2Choice(name: string, value: unknown, choices: readonly string[]): void {
  if (value === undefined || choices.includes(value as string)) return;
  throw new AnalyticsError(`Query parameter ${name} must be one of ${choices.join(', ')}: ${String(value).slice(0, 20)}`);
}
