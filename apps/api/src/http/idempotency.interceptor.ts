/**
 * `Idempotency-Key` on POST: the first request with a key executes and its answer (status, ETag,
 * Location, body) is kept; a retry with the same request gets that answer again without executing; the
 * same key with another request is 422. Concurrent requests with one key run one after the other (see
 * libs/idempotency/idempotency-store.ts). Only successful answers are kept: a failed command appended
 * nothing, so executing its retry again is safe, and a transient failure (409 on a race, 503) is not
 * frozen into the key.
 *
 * Keys are scoped to the actor (the token's subject once the access guard, which runs first, has set
 * X-Actor), and to the token's subject too when an administrator names another actor: one caller's key can
 * neither replay nor block another's (nor an administrator's the named actor's own), and the ids derived
 * from it differ.
 * Answers are kept sealed (no personal data in the clear: libs/idempotency/personal-answers.ts) and
 * opened again for each replay, with the replaying caller's entitlement.
 */
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AnswerSealer, IdempotencyStore, plainAnswers, requestHash, StoredResponse } from '@libs/idempotency';
import { ProblemException } from './problem';
import { authenticatedSubjectOf, bindIdempotencySeed } from './request-context';

const KEY = /^[\x21-\x7e]{1,255}$/;
const KEPT_HEADERS = ['etag', 'location'] as const;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly answers: AnswerSealer = plainAnswers,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.method === 'POST' ? idempotencyKey(request) : undefined;
    if (key === undefined) return next.handle();
    return from(this.once(key, request, context.switchToHttp().getResponse<Response>(), next));
  }

  private async once(key: string, request: Request, response: Response, next: CallHandler): Promise<unknown> {
    const hash = requestHash({
      method: request.method,
      path: request.originalUrl,
      ifMatch: request.header('if-match'),
      body: request.body,
    });
    const scopedKey = keyScope(request).concat(key).join('\n');
    const claim = await this.store.claim(scopedKey, hash);
    if (claim.kind === 'mismatch') {
      throw ProblemException.of(422, 'idempotency-key-reused', 'this Idempotency-Key was already used for a different request');
    }
    if (claim.kind === 'replay') return replay(response, claim.response, await this.answers.open(claim.response.body));
    bindIdempotencySeed(request, `${scopedKey}\n${hash}`);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await claim.complete({ status: response.statusCode, headers: keptHeaders(response), body: this.answers.seal(body) });
      return body;
    } catch (error) {
      await claim.release();
      throw error;
    }
  }
}

/** The key, unquoted when sent as a structured-field string (`"abc"`, as the IETF draft writes it). */
function idempotencyKey(request: Request): string | undefined {
  const raw = request.header('idempotency-key')?.trim();
  if (raw === undefined) return undefined;
  const key = raw.length > 1 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!KEY.test(key)) throw ProblemException.of(400, 'invalid-header', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  return key;
}

function keptHeaders(response: Response): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}

function replay(response: Response, stored: StoredResponse, body: unknown): unknown {
  response.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
  response.setHeader('Idempotent-Replayed', 'true');
  return body;
}

/** The actor, and the token's subject when it is another (the key itself holds no newline: KEY). */
function keyScope(request: Request): string[] {
  const actor = request.header('x-actor') ?? 'anonymous';
  const subject = authenticatedSubjectOf(request);
  return subject === undefined || subject === actor ? [actor] : [actor, subject];
}
