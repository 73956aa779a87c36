import { randomUUID } from 'node:crypto';
import { Request } from 'express';
import { CommandMetadata } from '@libs/domain/shared';
import { Clock } from '@libs/clock';
import { ProblemException } from './problem';

const HEADER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The metadata every command carries. The actor is provisional until access control lands: the
 * `X-Actor` header, else "anonymous". `occurredAt` is when it happened in the field (default: now).
 */
export function commandMetadata(request: Request, clock: Clock, occurredAt?: string): CommandMetadata {
  const correlation = request.header('x-correlation-id');
  if (correlation !== undefined && !HEADER_ID.test(correlation)) throw ProblemException.of(400, 'invalid-header', 'X-Correlation-Id is malformed');
  const actor = request.header('x-actor');
  if (actor !== undefined && !HEADER_ID.test(actor)) throw ProblemException.of(400, 'invalid-header', 'X-Actor is malformed');
  return {
    commandId: randomUUID(),
    actor: actor ?? 'anonymous',
    correlationId: correlation ?? randomUUID(),
    occurredAt: occurredAt ? new Date(occurredAt).toISOString() : clock.now().toISOString(),
  };
}
