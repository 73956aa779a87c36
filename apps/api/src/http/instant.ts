/**
 * Instants in requests (`occurredAt`, `deliveredAt`, a deadline, a replay point, a period's bounds). ISO 8601
 * has forms JavaScript's Date and PostgreSQL cannot read (week dates `2012-W01-1`, the basic format
 * `20120101`, an hour alone `T10`, a decimal comma `10:00:00,5`, an offset of hours alone `+08`) and one
 * Date misreads (the ordinal `2012-010`, taken for 1 October): `@IsISO8601` passes them all, and the
 * service then failed with a 500 or recorded another day. So an instant is taken only in the form both read:
 * a calendar date, optionally followed by `T`, hh:mm[:ss[.fraction]] and `Z` or an offset of hours and minutes.
 */
import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';
import { startOfLocalDay } from '@libs/calendar';
import { invalidField } from './problem';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})?)?$/;

/** True when `text` is an instant (or a calendar date) the service reads as the caller meant it. */
export function isInstant(text: unknown): text is string {
  return (
    typeof text === 'string' &&
    INSTANT.test(text) &&
    isISO8601(text, { strict: true, strictSeparator: true }) &&
    !Number.isNaN(Date.parse(text))
  );
}

/** Validates an instant as {@link isInstant} does; the message names the field, never the value. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => isInstant(value),
        defaultMessage: () => `$property ${INSTANT_MESSAGE}`,
      },
    },
    options,
  );
}

const INSTANT_MESSAGE = 'must be an ISO 8601 date or date-time such as 2012-03-01T08:00:00Z or 2012-03-01T16:00:00+08:00';

/** The instant as UTC with a Z (what events carry); a 400 naming the field when it is not one. */
export function utcInstant(text: string, field: string): string {
  if (!isInstant(text)) throw invalidField(field, `${field} ${INSTANT_MESSAGE}`);
  return new Date(text).toISOString();
}

/**
 * A bound of a span of time as UTC: a bare date is the start of that day in the programme's calendar (Beijing
 * time), as `asOf` reads one, not midnight UTC (08:00 there), which PostgreSQL would take it for.
 */
export function boundInstant(text: string, field: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!day || !isInstant(text)) return utcInstant(text, field);
  const [year, month, date] = day.slice(1).map(Number);
  return startOfLocalDay(year, month, date).toISOString();
}
