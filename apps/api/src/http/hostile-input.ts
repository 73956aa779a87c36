/**
 * Input the schemas cannot be trusted to catch, refused for every route before anything else reads it:
 *
 * - JSON nested deeper than MAX_JSON_DEPTH, counted on the raw bytes before parsing: class-transformer,
 *   class-validator and canonicalisation all recurse, and thousands of levels overflow their stack (500).
 * - Numbers that parse to ±Infinity (`1e400`): canonical JSON has no form for them, PostgreSQL no column.
 * - NUL (U+0000) in any string or key of the body, the query or the path: PostgreSQL text and jsonb cannot
 *   hold it, so it would fail the statement (500) or be stored in the clear by a path that skips jsonb.
 * - `__proto__`, `constructor` and `prototype` keys: class-transformer assigns them onto the new instance,
 *   which changes its prototype instead of adding a field, so whitelisting never sees them.
 * - URLs longer than MAX_URL_LENGTH (414); longer than Node reads at all is answered in ./client-errors.ts.
 *
 * Each field refused names its rule (`noNul`, `finite`, `allowedName`) beside the English message, as the
 * validation pipe names class-validator's constraints, so that a client words it in its own language.
 */
import { NextFunction, Request, Response } from 'express';
import { FieldError, ProblemException } from './problem';

export const MAX_JSON_DEPTH = 32;
export const MAX_URL_LENGTH = 8 * 1024;
const MAX_ERRORS = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown from body-parser's `verify`; its `type` is how the problem filter recognises it. */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  constructor() {
    super(`the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** True when brackets outside strings nest deeper than `limit`. Linear, no recursion, no parse. */
export function nestsDeeperThan(raw: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // a backslash escapes the next byte (a quote or another backslash)
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: runs on the raw body before JSON.parse. */
export function verifyJsonDepth(_request: unknown, _response: unknown, raw: Buffer): void {
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) throw new JsonTooDeepError();
}

/** Express middleware, after the body parser and before the guard, pipes and interceptors. */
export function refuseHostileInput(request: Request, _response: Response, next: NextFunction): void {
  if (request.originalUrl.length > MAX_URL_LENGTH) {
    return next(ProblemException.of(414, 'uri-too-long', `the URL is longer than ${MAX_URL_LENGTH} characters`));
  }
  const errors: FieldError[] = [];
  if (/%00/i.test(request.originalUrl))
    errors.push({ field: 'url', rule: 'noNul', message: 'the URL must not contain a NUL character (%00)' });
  inspect(request.query, '', errors, 'query parameter');
  inspect(request.body, '', errors, 'field');
  if (errors.length === 0) return next();
  next(ProblemException.of(400, 'invalid-request', 'the request holds values no field may hold', { errors: errors.slice(0, MAX_ERRORS) }));
}

/** Walks a parsed value (bounded by MAX_JSON_DEPTH) and records each offending field by its path. */
function inspect(value: unknown, path: string, errors: FieldError[], what: string): void {
  if (errors.length >= MAX_ERRORS) return;
  const field = path || '(body)';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) errors.push({ field, rule: 'noNul', message: `${field} must not contain a NUL character` });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) errors.push({ field, rule: 'finite', message: `${field} must be a finite number` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => inspect(item, join(path, String(index)), errors, what));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = join(path, key);
      if (FORBIDDEN_KEYS.has(key))
        errors.push({ field: child, rule: 'allowedName', message: `${child} is not a ${what} name that may be used` });
      else if (key.includes('\u0000'))
        errors.push({ field: child.replace(/\u0000/g, '\\u0000'), rule: 'noNul', message: 'a name must not contain a NUL character' });
      else inspect((value as Record<string, unknown>)[key], child, errors, what);
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
