/**
 * In which capacity the actor acts on a case or a district: `X-Actor-Role` (`supervisor`, the default;
 * `city-office`; `subject-unit` with `X-Actor-Unit`). Behind a bearer token, acting as the city office
 * takes an administrator or a supervisor whose token spans the whole city; acting as a unit takes that
 * unit's own token (belongsToUnit) that is no supervisor's, so the supervised and their supervisor are never
 * the same person. The role only says in which capacity: a supervisor's district is still read from the
 * supervision streams, never from the request.
 */
import { Request } from 'express';
import { belongsToUnit, CITY, hasRole, Principal } from '@libs/auth';
import { DomainError } from '@libs/domain/shared';
import { ProblemException } from '../http/problem';

export type ActingRole = { role: 'supervisor' } | { role: 'city-office' } | { role: 'subject-unit'; unitCode: string };

const UNIT_CODE = /^[A-Za-z0-9._:-]{1,64}$/;

export function actingRole(request: Request): ActingRole {
  const role = request.header('x-actor-role')?.trim() ?? 'supervisor';
  const { principal } = request as Request & { principal?: Principal };
  if (role === 'city-office') return cityOffice(principal);
  if (role === 'supervisor') return supervisor(principal);
  if (role === 'subject-unit') {
    const unitCode = request.header('x-actor-unit')?.trim();
    if (unitCode === undefined || !UNIT_CODE.test(unitCode))
      throw ProblemException.of(400, 'invalid-header', 'X-Actor-Unit must name the unit acting');
    return subjectUnit(principal, unitCode);
  }
  throw ProblemException.of(400, 'invalid-header', 'X-Actor-Role must be supervisor, city-office or subject-unit');
}

function cityOffice(principal: Principal | undefined): ActingRole {
  const entitled = principal === undefined || hasRole(principal, 'admin') || (hasRole(principal, 'supervisor') && principal.ou === CITY);
  if (!entitled) throw ProblemException.of(403, 'role-not-permitted', 'acting as the city office takes a city-wide token');
  return { role: 'city-office' };
}

/** A unit's staff may call report-rectification; the supervisor's capacity still takes a supervisor's token. */
function supervisor(principal: Principal | undefined): ActingRole {
  if (principal !== undefined && !hasRole(principal, 'supervisor', 'admin'))
    throw ProblemException.of(403, 'role-not-permitted', "acting as a supervisor takes a supervisor's token");
  return { role: 'supervisor' };
}

/**
 * Units have no role of their own, so a supervisor's token is refused outright, even one scoped to the unit:
 * otherwise the supervisor could report the rectification they are to judge. Administrators (and callers
 * without a principal) are trusted as for the city office: tooling acting for the unit, named in X-Actor.
 */
function subjectUnit(principal: Principal | undefined, unitCode: string): ActingRole {
  const acting = { role: 'subject-unit', unitCode } as const;
  if (principal === undefined || hasRole(principal, 'admin')) return acting;
  if (hasRole(principal, 'supervisor'))
    throw ProblemException.of(403, 'role-not-permitted', "a supervisor's token may not act as the unit under supervision");
  if (!belongsToUnit(principal, unitCode))
    throw ProblemException.of(403, 'not-the-subject-unit', `the token does not belong to unit ${unitCode}`);
  return acting;
}

/** Rules about who may act, as opposed to what the case allows: answered 403, not 409. */
const AUTHORITY_CODES = new Set([
  'supervisor-not-in-office',
  'supervisor-outside-district',
  'supervisor-not-assigned-to-district',
  'role-not-permitted',
  'not-the-subject-unit',
  'reporter-may-not-judge',
]);

/** Rethrows a refusal of the actor's authority as 403; anything else unchanged. */
export function asForbidden(error: unknown): never {
  if (error instanceof DomainError && AUTHORITY_CODES.has(error.code)) throw ProblemException.of(403, error.code, error.message);
  throw error;
}
