/**
 * Reporting periods in DHIS2's text forms, because the programme's indicators are exchanged in them:
 * monthly `YYYYMM`, bimonthly `YYYYMMB` (MM is the bimonth 01..06: `201201B` = Jan-Feb), quarterly
 * `YYYYQn`, yearly `YYYY`.
 */
import { localMonthOf } from '../../calendar';

const MONTHLY = /^(\d{4})(0[1-9]|1[0-2])$/;
const BIMONTHLY = /^(\d{4})(0[1-6])B$/;
const QUARTERLY = /^(\d{4})Q([1-4])$/;
const YEARLY = /^(\d{4})$/;

export type PeriodKind = 'monthly' | 'bimonthly' | 'quarterly' | 'yearly';

/** First and last month of a period, as `YYYYMM`, with its kind; undefined when the text is not a period. */
export interface PeriodSpan {
  kind: PeriodKind;
  firstMonth: string;
  lastMonth: string;
}

const month = (year: string, m: number) => `${year}${String(m).padStart(2, '0')}`;

export function parsePeriod(text: string): PeriodSpan | undefined {
  let match = MONTHLY.exec(text);
  if (match) return { kind: 'monthly', firstMonth: text, lastMonth: text };
  if ((match = BIMONTHLY.exec(text))) {
    const bimonth = Number(match[2]);
    return { kind: 'bimonthly', firstMonth: month(match[1], bimonth * 2 - 1), lastMonth: month(match[1], bimonth * 2) };
  }
  if ((match = QUARTERLY.exec(text))) {
    const quarter = Number(match[2]);
    return { kind: 'quarterly', firstMonth: month(match[1], quarter * 3 - 2), lastMonth: month(match[1], quarter * 3) };
  }
  if ((match = YEARLY.exec(text))) return { kind: 'yearly', firstMonth: month(match[1], 1), lastMonth: month(match[1], 12) };
  return undefined;
}

export const isMonth = (text: string): boolean => MONTHLY.test(text);
export const isBimonth = (text: string): boolean => BIMONTHLY.test(text);

/** The bimonthly period a month falls in: `201203` -> `201202B`. */
export function bimonthOf(monthText: string): string {
  const m = Number(monthText.slice(4, 6));
  return `${monthText.slice(0, 4)}${String(Math.ceil(m / 2)).padStart(2, '0')}B`;
}

/**
 * The calendar month (`YYYYMM`, city time: libs/calendar) an ISO-8601 instant falls in. Instants are stored
 * in UTC, so a visit at 07:00 on 1 March local time is 23:00 UTC on the last of February.
 */
export function monthOfInstant(iso: string): string {
  return String(localMonthOf(iso));
}

/** Orders two ISO-8601 instants by time, not by text (`...00Z` and `...00.000Z` are the same instant). */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
