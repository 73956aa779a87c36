/**
 * The one global guard: finds the request's entry in the policy table (libs/auth/policy-table.ts),
 * verifies the bearer token or the session cookie (a write by cookie needs its CSRF token), and checks
 * role, region scope and department. No entry, no access. Both ways in give the same Principal.
 * The principal is left on the request and in the access context for the layers after it.
 */
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { allowedRoles, findPolicy, hasRole, POLICY, PolicyEntry, Principal, TokenError } from '@libs/auth';
import { accessContext } from '@libs/personal-data';
import { principalOf, Sessions } from '@libs/accounts';
import { ProblemException } from '../http/problem';
import { bindAuthenticatedSubject } from '../http/request-context';
import { requireCsrfToken, sessionIdOf } from '../accounts/session-cookie';
import { AccessLog } from './access-log';
import { OrgUnitResolver } from './org-unit-resolver';
import { checkChosenId, checkDepartment, checkScope } from './scope-check';
import { Security } from '@libs/runtime';

export type AuthenticatedRequest = Request & { principal?: Principal; policy?: PolicyEntry };

/** The scheme is case-insensitive (RFC 9110 section 11.1); the token itself is not. */
const BEARER = /^[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
/** Printable text without control characters; it is stored, never logged. */
const PURPOSE = /^[^\p{Cc}]{3,200}$/u;

/** The route template Express matched (`/households/:id`), the key of the policy table. */
export function routeTemplate(request: Request): string | undefined {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? route : undefined;
}

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');

  constructor(
    private readonly security: Security,
    private readonly resolver: OrgUnitResolver,
    private readonly accessLog: AccessLog,
    private readonly sessions: Sessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Who sent a command comes from the verified principal alone; a client's header claiming it is dropped.
    delete request.headers['x-authenticated-as'];
    const template = routeTemplate(request) ?? '(unmatched)';
    const entry = findPolicy(POLICY, request.method, template);
    if (!entry) {
      this.logger.warn(`no access policy for ${request.method} ${template}: denied`);
      throw ProblemException.of(403, 'no-policy', 'this endpoint has no access policy');
    }
    request.policy = entry;
    if (entry.roles === 'public') return true;
    const principal = await this.authenticate(request).catch((error: unknown) => {
      if (error instanceof ProblemException && error.problem.status === 401)
        context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw error;
    });
    const purpose = this.purpose(request);
    request.principal = principal;
    const context_ = accessContext.getStore();
    if (context_) Object.assign(context_, { principal, purpose });
    const granted = allowedRoles(entry).filter((role) => principal.roles.includes(role));
    if (granted.length === 0) throw ProblemException.of(403, 'forbidden', 'your role may not use this endpoint');
    checkChosenId(entry.chosenId, principal, request);
    await checkScope(entry.scope, principal, request, this.resolver);
    if (entry.department && granted.every((role) => role === 'provider'))
      await checkDepartment(entry.department, principal, request, this.resolver);
    this.setActor(request, principal);
    if (entry.personal && hasRole(principal, 'auditor', 'admin')) {
      await this.accessLog.record({ principal, method: request.method, route: template, path: request.path, purpose });
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.header('authorization');
    if (header === undefined) return this.fromSession(request);
    const match = BEARER.exec(header.trim());
    if (!match) throw this.unauthorized('invalid-token', 'the Authorization header is not a bearer JWT');
    try {
      return await this.security.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenError && error.reason === 'keys-unavailable')
        throw ProblemException.of(503, 'auth-keys-unavailable', 'the token keys cannot be fetched');
      const reason = error instanceof TokenError ? error.reason : 'malformed';
      throw this.unauthorized(
        'invalid-token',
        `the bearer token is ${reason === 'expired' ? 'expired' : reason === 'bad-signature' ? 'not signed by a trusted key' : reason === 'bad-claims' ? 'missing required claims' : 'malformed'}`,
      );
    }
  }

  /** A bearer token wins over a cookie: only the cookie travels by itself, so only it needs the CSRF token. */
  private async fromSession(request: Request): Promise<Principal> {
    const id = sessionIdOf(request);
    if (id === undefined) throw this.unauthorized('unauthenticated', 'a bearer token or a session cookie is required');
    const session = await this.sessions.find(id);
    if (!session) throw this.unauthorized('unauthenticated', 'the session has ended; sign in again');
    requireCsrfToken(request, id);
    return principalOf(session.user);
  }

  private unauthorized(code: string, detail: string): ProblemException {
    return ProblemException.of(401, code, detail);
  }

  private purpose(request: Request): string | undefined {
    const purpose = request.header('x-purpose');
    if (purpose === undefined) return undefined;
    if (!PURPOSE.test(purpose)) throw ProblemException.of(400, 'invalid-header', 'X-Purpose must be 3 to 200 printable characters');
    return purpose;
  }

  /**
   * The events' actor is the token's subject. Only an administrator may name another actor in X-Actor
   * (imports and tooling acting for a field worker); anyone else's X-Actor is replaced. The subject is bound
   * beside it either way, so that the command's metadata records it when the two differ (request-context.ts).
   */
  private setActor(request: Request, principal: Principal): void {
    bindAuthenticatedSubject(request, principal.sub);
    if (hasRole(principal, 'admin') && request.headers['x-actor'] !== undefined) return;
    request.headers['x-actor'] = principal.sub;
  }
}
