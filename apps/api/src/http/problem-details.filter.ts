/**
 * The one place that maps failures to HTTP: domain rules to 409/404/400, store conflicts to 409, stale
 * If-Match to 412, parser failures to 400/413, an unreachable database or store to 503 with Retry-After,
 * anything unexpected to a 500 that reveals nothing.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { DomainError } from '@libs/domain/shared';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@libs/event-store';
import { StaleRevisionError } from '@libs/command-handling/handle-command';
import { IdempotencyKeyBusyError } from '@libs/idempotency';
import { isDatabaseUnavailable } from '@libs/database/unavailable';
import { ReadModelBehindError } from '@libs/read-sources';
import { Problem, problem, ProblemException } from './problem';

/** Seconds a client waits after a 503 before trying again. */
export const RETRY_AFTER_SECONDS = '5';

/**
 * 503s that are the service working as designed, not failing: a read asked for a position no copy reflects
 * yet (libs/read-sources). Logged as a warning, and the client is told to retry sooner.
 */
const EXPECTED_UNAVAILABLE: Partial<Record<string, string>> = { 'read-model-behind': '1' };

const DOMAIN_STATUS = { conflict: 409, 'not-found': 404, invalid: 400 } as const;

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof DomainError) return problem(DOMAIN_STATUS[error.kind], error.code, error.message);
  if (error instanceof StaleRevisionError) {
    return problem(412, 'stale-revision', `the resource is at revision ${error.actual}`, { currentRevision: error.actual.toString() });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, 'concurrent-modification', 'the resource was changed by another request; reload and retry');
  }
  if (error instanceof IdempotencyKeyBusyError) {
    return problem(409, 'idempotency-key-in-use', 'another request with this Idempotency-Key is still in progress; retry later');
  }
  if (error instanceof DuplicateEventIdError) {
    return problem(409, 'duplicate-event-id', 'these events were already recorded by another request');
  }
  if (error instanceof ReadModelBehindError)
    return problem(503, 'read-model-behind', `${error.readModel} does not reflect the position asked for yet; retry shortly`);
  if (error instanceof StreamNotFoundError) return problem(404, 'not-found');
  if (error instanceof InvalidAppendError) return problem(400, 'invalid-event');
  if (error instanceof EventStoreUnavailableError)
    return problem(503, 'event-store-unavailable', 'the event store cannot be reached; retry later');
  if (isDatabaseUnavailable(error)) return problem(503, 'database-unavailable', 'the database cannot be reached; retry later');
  // Nest wraps body-parser's errors in an HttpException and keeps the original as its cause.
  const parser = ((error as { cause?: unknown }).cause ?? error) as { type?: string };
  if (parser.type === 'entity.too.large') return problem(413, 'body-too-large', 'the request body is larger than allowed');
  if (parser.type === 'entity.too.deep') return problem(400, 'json-too-deep', (parser as Error).message);
  if (parser.type === 'entity.parse.failed') return problem(400, 'malformed-json', 'the request body is not valid JSON');
  if (parser.type === 'encoding.unsupported' || parser.type === 'charset.unsupported') return problem(415, 'unsupported-encoding');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, status === 404 ? 'not-found' : `http-${status}`, status < 500 ? error.message : undefined);
  }
  return problem(500, 'internal-error');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toProblem(error);
    // Only the error's class and code are logged: messages may carry request data.
    const expected = body.status === 503 ? EXPECTED_UNAVAILABLE[body.code] : undefined;
    if (expected) this.logger.warn(`${body.status} ${body.code}`);
    else if (body.status >= 500) this.logger.error(`${(error as Error)?.name ?? 'Error'} -> ${body.code}`, (error as Error)?.stack);
    if (response.headersSent) return;
    // An outage is the server's state: say when to try again (RFC 9110 10.2.3).
    if (body.status === 503 && !response.getHeader('retry-after')) response.setHeader('Retry-After', expected ?? RETRY_AFTER_SECONDS);
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
