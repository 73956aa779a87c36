/**
 * An error in words for a command's last line (`generate failed: ...`): never `undefined` (some libraries
 * reject with nothing), never `[object Object]`; an AggregateError (pg connecting to both ::1 and
 * 127.0.0.1) says what each attempt met, and a password inside a connection URL is masked.
 */
export function describeError(error: unknown): string {
  return maskPasswords(describe(error, 0));
}

function describe(error: unknown, depth: number): string {
  if (error === undefined || error === null) return 'failed without saying why (no error was given)';
  if (depth > 3) return '...';
  if (error instanceof AggregateError && error.errors.length > 0) {
    const parts = [...new Set(error.errors.map((inner) => describe(inner, depth + 1)))];
    return error.message ? `${error.message}: ${parts.join('; ')}` : parts.join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    let text = error.message || error.name;
    if (typeof code === 'string' && code && !text.includes(code)) text += ` (${code})`;
    const cause = (error as { cause?: unknown }).cause;
    return cause !== undefined && cause !== error ? `${text}: ${describe(cause, depth + 1)}` : text;
  }
  if (typeof error === 'object') {
    try {
      return JSON.stringify(error);
    } catch {
      return Object.prototype.toString.call(error);
    }
  }
  return String(error);
}

function maskPasswords(text: string): string {
  return text.replace(/(\/\/[^:/@\s]+:)[^@\s]+@/g, '$1***@');
}
