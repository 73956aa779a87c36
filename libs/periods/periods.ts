/**
 * DHIS2-style period codes, parsed into spans of whole months (`YYYYMM` as integers, inclusive), the grain
 * every read model keeps its periods in: `2012` (year), `2012S1` (six months), `2012Q1` (quarter),
 * `201203` (month), `201201B` (bimonth: MM is the bimonth 01..06, the supervision bulletins' period) and
 * ranges `<period>:<period>` from the first month of one to the last month of the other.
 */
import { localMonthOf } from '../calendar';

export type PeriodType = 'yearly' | 'sixmonthly' | 'quarterly' | 'monthly' | 'bimonthly' | 'range';

export interface Period {
  /** The code as given, e.g. `2012Q1` or `201201:201206`. */
  code: string;
  type: PeriodType;
  /** First month, `yyyymm` as a number (201201). */
  firstMonth: number;
  /** Last month, inclusive. */
  lastMonth: number;
}

/** A code that is not a period; the message names it (it is a query parameter, never personal data). */
export class PeriodError extends Error {
  constructor(
    readonly value: string,
    reason = 'is not a period (use 2012, 2012S1, 2012Q1, 201203, 201201B or 201201:201206)',
  ) {
    super(`"${value.slice(0, 40)}" ${reason}`);
    this.name = 'PeriodError';
  }
}

const FORMS: readonly [RegExp, Exclude<PeriodType, 'range'>, (year: number, n: number) => [number, number]][] = [
  [/^(\d{4})$/, 'yearly', () => [1, 12]],
  [/^(\d{4})S([12])$/, 'sixmonthly', (_y, n) => [n * 6 - 5, n * 6]],
  [/^(\d{4})Q([1-4])$/, 'quarterly', (_y, n) => [n * 3 - 2, n * 3]],
  [/^(\d{4})(0[1-6])B$/, 'bimonthly', (_y, n) => [n * 2 - 1, n * 2]],
  [/^(\d{4})(0[1-9]|1[0-2])$/, 'monthly', (_y, n) => [n, n]],
];

/** The years a period (or a local day asked for) may fall in. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Parses one period or one range; throws PeriodError naming the bad code. */
export function parsePeriod(code: string): Period {
  const text = code.trim();
  if (text.includes(':')) return parseRange(text);
  for (const [pattern, type, months] of FORMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) throw new PeriodError(code, `has a year outside ${MIN_YEAR}..${MAX_YEAR}`);
    const [first, last] = months(year, Number(match[2] ?? 0));
    return { code: text, type, firstMonth: year * 100 + first, lastMonth: year * 100 + last };
  }
  throw new PeriodError(code);
}

function parseRange(text: string): Period {
  const parts = text.split(':');
  if (parts.length !== 2 || parts.some((part) => part.includes(':') || part === '')) throw new PeriodError(text);
  const [from, to] = parts.map((part) => parsePeriodStrict(part, text));
  if (from.firstMonth > to.lastMonth) throw new PeriodError(text, 'ends before it starts');
  return { code: text, type: 'range', firstMonth: from.firstMonth, lastMonth: to.lastMonth };
}

function parsePeriodStrict(part: string, whole: string): Period {
  try {
    return parsePeriod(part);
  } catch {
    throw new PeriodError(whole);
  }
}

/** Several periods separated by `;` (DHIS2's list form); each becomes a row group of its own. */
export function parsePeriods(list: string): Period[] {
  const codes = list.split(';').map((code) => code.trim());
  if (codes.some((code) => code === '')) throw new PeriodError(list);
  return codes.map(parsePeriod);
}

/** The `yyyymm` month of an ISO-8601 instant in the programme's calendar (Beijing time unless configured). */
export function monthOf(iso: string): number {
  return localMonthOf(iso);
}

/** The months a period covers, in order (for breakdowns by month). */
export function monthsOf(period: Period): number[] {
  const months: number[] = [];
  for (let m = period.firstMonth; m <= period.lastMonth; m = m % 100 === 12 ? m + 89 : m + 1) months.push(m);
  return months;
}
