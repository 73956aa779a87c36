import { randomUUID } from 'node:crypto';
import { Request } from 'express';
import { uuidFrom } from '@libs/command-handling/event-ids';
import { CommandMetadata } from '@libs/domain/shared';
import { traceOfRequest } from '@libs/observability/trace-context';
import { Clock } from '@libs/clock';
import { utcInstant } from './instant';
import { invalidField, ProblemException } from './problem';

const HEADER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** How far ahead of the server's clock an `occurredAt` may be: a field device's clock a little fast is no error. */
const OCCURRED_AT_LEEWAY_MS = 5 * 60_000;

/**
 * Seeds of requests that carry an Idempotency-Key (set by the idempotency interceptor): the command id
 * and any id the server generates are derived from it, so a retry addresses the same stream with the same
 * command id. Kept off the request object so nothing else can set it.
 */
const seeds = new WeakMap<Request, string>();

export function bindIdempotencySeed(request: Request, seed: string): void {
  seeds.set(request, seed);
}

/** A server-generated id (`name` tells several apart): random, or derived from the Idempotency-Key. */
export function newId(request: Request, name: string): string {
  const seed = seeds.get(request);
  return seed === undefined ? randomUUID() : uuidFrom(`${name}\n${seed}`);
}

/**
 * The verified subject of the request's principal, bound by the access guard (never read from a header):
 * kept off the request object, as the seeds are, so nothing the client sends can set it.
 */
const subjects = new WeakMap<Request, string>();

export function bindAuthenticatedSubject(request: Request, subject: string): void {
  subjects.set(request, subject);
}

/** The subject the access guard bound, if any. */
export function authenticatedSubjectOf(request: Request): string | undefined {
  return subjects.get(request);
}

/**
 * The metadata every command carries. The actor is the `X-Actor` header as the access guard left it (the
 * token's subject, or the actor an administrator named), else "anonymous" on a public route. When it is not
 * the authenticated subject, `authenticatedAs` says who sent the command, so that an administrator acting
 * for someone is on the record as such. `occurredAt` is when it happened in the field (default: now). The
 * W3C `traceparent` (and `tracestate`) is continued, or a new trace started when there is none or it is malformed.
 */
export function commandMetadata(request: Request, clock: Clock, occurredAt?: string): CommandMetadata {
  const correlation = request.header('x-correlation-id');
  if (correlation !== undefined && !HEADER_ID.test(correlation))
    throw ProblemException.of(400, 'invalid-header', 'X-Correlation-Id is malformed');
  const actor = request.header('x-actor');
  if (actor !== undefined && !HEADER_ID.test(actor)) throw ProblemException.of(400, 'invalid-header', 'X-Actor is malformed');
  const subject = authenticatedSubjectOf(request);
  return {
    commandId: newId(request, 'commandId'),
    actor: actor ?? 'anonymous',
    ...(subject !== undefined && subject !== (actor ?? 'anonymous') && { authenticatedAs: subject }),
    correlationId: correlation ?? randomUUID(),
    occurredAt: occurredAt ? pastInstant(occurredAt, clock) : clock.now().toISOString(),
    ...traceOfRequest(request.header('traceparent'), request.header('tracestate')),
  };
}

/**
 * `occurredAt` as UTC, refused when it is still to come: a fact is recorded once it happened, and one dated
 * ahead would pass every rule judged at its time (a supervisor's term, a deadline, a day not yet come).
 */
function pastInstant(occurredAt: string, clock: Clock): string {
  const instant = utcInstant(occurredAt, 'occurredAt');
  if (Date.parse(instant) > clock.now().getTime() + OCCURRED_AT_LEEWAY_MS)
    throw invalidField('occurredAt', 'occurredAt must not be later than now: a fact is recorded once it happened');
  return instant;
}
