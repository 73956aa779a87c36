/**
 * A rule broken. `code` names the rule (it reaches clients as the problem's `code`); `kind` decides the
 * HTTP status in the one place that maps errors (409 conflict, 404 not found, 400 invalid).
 */
export type DomainErrorKind = 'conflict' | 'not-found' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function rule(condition: boolean, code: string, message: string, kind: DomainErrorKind = 'conflict'): asserts condition {
  if (!condition) throw new DomainError(code, message, kind);
}
