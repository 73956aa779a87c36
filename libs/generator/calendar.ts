/**
 * The simulated calendar: month 0 is January of the first programme year (2012 by default). Instants fall
 * in office hours in China (UTC+8), 08:00-18:00 local = 00:00-10:00 UTC, never on the wall clock.
 */
import { Random } from './random';

export const FIRST_YEAR = 2012;

/** Days used for ordinary work; the 28th and later are left for end-of-month acts (withdrawals). */
export const WORKING_DAYS = 27;

export function monthStart(month: number, firstYear = FIRST_YEAR): number {
  return Date.UTC(firstYear + Math.floor(month / 12), month % 12, 1);
}

/** `YYYYMM` of a programme month, as supervision periods use it. */
export function monthCode(month: number, firstYear = FIRST_YEAR): string {
  return `${firstYear + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
}

/** The programme month an instant (ms) falls in. */
export function monthOf(ms: number, firstYear = FIRST_YEAR): number {
  const date = new Date(ms);
  return (date.getUTCFullYear() - firstYear) * 12 + date.getUTCMonth();
}

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** `count` sorted office-hour instants (ms) within the month's working days, at whole seconds. */
export function officeInstants(random: Random, month: number, count: number, firstYear = FIRST_YEAR): number[] {
  const start = monthStart(month, firstYear);
  const instants: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = random.int(0, WORKING_DAYS - 1);
    instants.push(start + day * DAY + Math.floor(random.next() * 10 * 3600) * 1000);
  }
  return instants.sort((a, b) => a - b);
}

export const iso = (ms: number) => new Date(ms).toISOString();
