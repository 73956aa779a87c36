/**
 * Stateless checks on command fields, each failing with a DomainError of kind 'invalid' (HTTP 400).
 * Messages name the bad value only where it cannot be personal data (codes, enums, numbers); free text
 * and personal fields are named by field, never echoed. Candidates for ../shared once it owns validation.
 */
import { DomainError, rule } from '../shared';

export function oneOf<T extends string>(allowed: readonly T[], value: unknown, code: string, field: string): asserts value is T {
  rule(allowed.includes(value as T), code, `${field} must be one of ${allowed.join(', ')}; got ${String(value)}`, 'invalid');
}

/** Non-empty after trimming; the message names the field, not the (possibly personal) text. */
export function text(value: unknown, code: string, field: string): asserts value is string {
  rule(typeof value === 'string' && value.trim().length > 0, code, `${field} must be a non-empty string`, 'invalid');
}

export function integerIn(value: unknown, min: number, max: number, code: string, field: string): asserts value is number {
  rule(
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
    code,
    `${field} must be an integer from ${min} to ${max}; got ${String(value)}`,
    'invalid',
  );
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** ISO-8601 in UTC (`...Z`) and a real calendar instant (no 31 February). */
export function isoUtc(value: unknown, code: string, field: string): asserts value is string {
  const valid = typeof value === 'string' && ISO_UTC.test(value) && new Date(value).toISOString().slice(0, 19) === value.slice(0, 19);
  if (!valid) throw new DomainError(code, `${field} must be an ISO-8601 UTC timestamp; got ${String(value)}`, 'invalid');
}
