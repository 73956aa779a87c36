/**
 * Instants in requests (`occurredAt`, `deliveredAt`, a deadline, a replay point, a period's bounds). ISO 8601
 * has forms JavaScript's Date and PostgreSQL cannot read (week dates `2012-W01-1`, the basic format
 * `20120101`, an hour alone `T10`, a decimal comma `10:00:00,5`, an offset of hours alone `+08`) and one
 * Date misreads (the ordinal `2012-010`, taken for 1 October): `@IsISO8601` passes them all, and the
 * service then failed with a 500 or recorded another day. So an instant is taken only in the form both read:
 * a calendar date, optionally followed by `T`, hh:mm[:ss[.fraction]] and `Z` or an offset of hours and minutes.
 *
 * Every date is in the programme's calendar (Beijing time; libs/calendar), never the server's zone nor UTC:
 * Date reads a date-time without an offset in the process's TZ, and a bare date as midnight UTC (08:00 in
 * Beijing), so the same request recorded different instants on different machines, and a unit reporting at
 * 10:00 on its deadline day was late. Here a date-time without an offset is Beijing wall-clock time, and a bare
 * date is a Beijing day: its start for a point or a bound, its last millisecond for a deadline ("by 31 March")
 * or a replay point ("as of 31 March").
 */
import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';
import { instantOfLocalTime } from '@libs/calendar';
import { invalidField } from './problem';

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([zZ]|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MS = 86_400_000;

/** The moment of its Beijing day a bare date stands for, which the field decides. */
export type BareDate = 'start-of-day' | 'end-of-day';

const FORMS = 'an ISO 8601 date-time such as 2012-03-01T08:00:00Z or 2012-03-01T16:00:00+08:00, or a date such as 2012-03-01';
const READINGS: Record<BareDate, string> = {
  'start-of-day': 'without an offset it is Beijing time (UTC+8), and a date alone is the start of that day in Beijing (00:00+08:00)',
  'end-of-day': 'without an offset it is Beijing time (UTC+8), and a date alone is the end of that day in Beijing (23:59:59.999+08:00)',
};

/** The rule as a validation message after the field's name; it never quotes the value (personal data). */
export function instantRule(bareDate: BareDate = 'start-of-day'): string {
  return `must be ${FORMS}; ${READINGS[bareDate]}`;
}

/** The same rule for an API user, at the end of a field's OpenAPI description. */
export function instantDescription(bareDate: BareDate = 'start-of-day'): string {
  return `The value is ${FORMS}; ${READINGS[bareDate]}.`;
}

/** Epoch milliseconds of `text` read as the module comment says; NaN when it is not an instant in those forms. */
function instantMs(text: unknown, bareDate: BareDate): number {
  if (typeof text !== 'string') return NaN;
  const parts = INSTANT.exec(text);
  if (!parts || !isISO8601(text, { strict: true, strictSeparator: true })) return NaN;
  const [, date, time, offset] = parts;
  if (offset) return Date.parse(text);
  // Read as if UTC, the one zone Date reads alike everywhere, then placed in the programme's zone.
  const asIfUtc = Date.parse(`${date}${time ?? 'T00:00'}Z`);
  if (Number.isNaN(asIfUtc)) return NaN;
  if (time || bareDate === 'start-of-day') return instantOfLocalTime(asIfUtc).getTime();
  return instantOfLocalTime(asIfUtc + DAY_MS).getTime() - 1;
}

/** True when `text` is an instant (or a calendar date) the service reads as the caller meant it. */
export function isInstant(text: unknown): text is string {
  return !Number.isNaN(instantMs(text, 'start-of-day'));
}

/**
 * Validates an instant as {@link isInstant} does; the message names the field, never the value, and says how
 * a value without an offset is read (`bareDate`: what a date alone stands for in that field).
 */
export function IsInstant(options: ValidationOptions & { bareDate?: BareDate } = {}): PropertyDecorator {
  const { bareDate, ...validation } = options;
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => isInstant(value),
        defaultMessage: () => `$property ${instantRule(bareDate)}`,
      },
    },
    validation,
  );
}

/**
 * The instant as UTC with a Z (what events carry), a bare date the start of that Beijing day unless the field
 * says its end; a 400 naming the field when it is not one.
 */
export function utcInstant(text: string, field: string, bareDate: BareDate = 'start-of-day'): string {
  const ms = instantMs(text, bareDate);
  if (Number.isNaN(ms)) throw invalidField(field, `${field} ${instantRule(bareDate)}`, 'isInstant');
  return new Date(ms).toISOString();
}

/** A rectification deadline as UTC: "by 31 March" (a bare date) runs to the end of 31 March in Beijing. */
export function deadlineInstant(text: string, field = 'deadline'): string {
  return utcInstant(text, field, 'end-of-day');
}
