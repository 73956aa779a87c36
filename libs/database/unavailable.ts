/**
 * Whether an error means the database could not be reached or dropped the connection (down, restarting,
 * out of connection slots), as opposed to a query it refused. Such a failure is the server's state, not the
 * request's fault: the API answers 503 with Retry-After. Looks through TypeORM's wrappers (`driverError`),
 * `cause` chains and AggregateErrors (pg connecting to several addresses).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
const NAMES = new Set(['QueryRunnerAlreadyReleasedError', 'IdempotencyRecordNotStoredError', 'EventStoreUnavailableError']);
// node-postgres and pg-pool say these without a code.
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /^Client network socket disconnected/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, driverError, errors } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (code.startsWith('08') || SQLSTATES.has(code) || NODE_CODES.has(code))) return true;
  if (typeof name === 'string' && NAMES.has(name)) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || (cause !== error && isDatabaseUnavailable(cause, depth + 1));
}

/**
 * The database's state rather than the statement's fault, worth trying again later: unavailable (above), or a
 * lock timeout (another's lock), a serialization failure or deadlock, resources exhausted. Not a statement
 * timeout (57014): an event whose statement always runs too long would stall its projection for good.
 */
const TRANSIENT_SQLSTATES = new Set(['55P03', '40001', '40P01', '53100', '53200', '58030']);

export function isTransientDatabaseError(error: unknown): boolean {
  return isDatabaseUnavailable(error) || hasTransientCode(error);
}

function hasTransientCode(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, driverError, cause } = error as { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && TRANSIENT_SQLSTATES.has(code)) return true;
  return hasTransientCode(driverError, depth + 1) || (cause !== error && hasTransientCode(cause, depth + 1));
}
