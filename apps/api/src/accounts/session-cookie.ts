/**
 * The session cookie and the CSRF rule of cookie-authenticated requests. The cookie is httpOnly (page
 * scripts cannot read it), SameSite=Strict (other sites' pages never send it) and Secure over https (a proxy's too);
 * writes must also carry X-CSRF-Token, the session's synchronizer token, which another site cannot read.
 */
import { Request, Response } from 'express';
import { csrfTokenMatches } from '@libs/accounts';
import { ProblemException } from '../http/problem';

export const SESSION_COOKIE = 'fl_session';
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Refuses a cookie-authenticated write without the session's CSRF token, before anything is done. */
export function requireCsrfToken(request: Request, sessionId: string): void {
  if (SAFE_METHODS.includes(request.method.toUpperCase())) return;
  if (!csrfTokenMatches(sessionId, request.header('x-csrf-token'))) {
    throw ProblemException.of(403, 'csrf-token-invalid', "a request signed in by cookie must carry its session's X-CSRF-Token");
  }
}

/**
 * Whether the browser reached the service over https: directly, or through a proxy that ended TLS and says so
 * in X-Forwarded-Proto (the usual deployment). Trusted without a list of proxies because it can only add the
 * Secure flag: a client that forges it keeps its own cookie off plain http, and no one else's.
 */
function overHttps(request: Request): boolean {
  return request.secure || request.header('x-forwarded-proto')?.split(',')[0].trim().toLowerCase() === 'https';
}

/** No Max-Age: the browser forgets it when it closes; the server ends it after the idle and absolute limits. */
export function setSessionCookie(request: Request, response: Response, id: string): void {
  response.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: overHttps(request), path: '/' });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: overHttps(request), path: '/' });
}
