import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What makes two requests "the same" for an idempotency key: method, target, precondition and body. */
export interface IdempotentRequest {
  method: string;
  path: string;
  ifMatch?: string;
  body: unknown;
}

/**
 * Hex SHA-256 over RFC 8785 canonical JSON, so key order and number spelling in the body do not make a
 * retry look like a different request.
 */
export function requestHash(request: IdempotentRequest): string {
  const canonical = canonicalize({
    method: request.method,
    path: request.path,
    ifMatch: request.ifMatch ?? null,
    body: request.body ?? null,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}
