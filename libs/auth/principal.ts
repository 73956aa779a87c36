/**
 * Who is asking: the verified claims of a bearer token. Roles are fixed names; the org unit scopes every
 * read and write to a subtree of the org-unit tree (640100, the whole city, is unscoped).
 */
export const ROLES = [
  'registrar',
  'provider',
  'loan-officer',
  'supervisor',
  'auditor',
  'analyst',
  'subscriber',
  'witness',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const CITY = '640100';

/** Token scopes beyond the role: `pii` lets a subscriber see personal fields. */
export const SCOPES = ['pii'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  /** Stable id of the person or service; becomes the events' `actor`. */
  sub: string;
  roles: readonly Role[];
  /** Org-unit code the token is scoped to (its subtree). */
  ou: string;
  /** Department code, for providers: they deliver and rate only their own department's services. */
  department?: string;
  scopes: readonly Scope[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.includes(scope);
}

/** Same character set as the X-Actor header, so a subject can stand as an event's actor. */
const SUBJECT = /^[A-Za-z0-9._:-]{1,128}$/;
const ORG_UNIT = /^\d{6}(\d{3}(\d{3})?)?$/;
const DEPARTMENT = /^[A-Za-z0-9._-]{1,40}$/;

export class ClaimsError extends Error {
  constructor(readonly claim: string) {
    super(`token claim ${claim} is missing or malformed`);
    this.name = 'ClaimsError';
  }
}

/** The principal from a verified JWT payload; throws ClaimsError naming the first bad claim. */
export function principalFromClaims(payload: Record<string, unknown>): Principal {
  const { sub, roles, ou, department, scope } = payload;
  if (typeof sub !== 'string' || !SUBJECT.test(sub)) throw new ClaimsError('sub');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) throw new ClaimsError('roles');
  if (typeof ou !== 'string' || !ORG_UNIT.test(ou)) throw new ClaimsError('ou');
  if (department !== undefined && (typeof department !== 'string' || !DEPARTMENT.test(department))) throw new ClaimsError('department');
  if (scope !== undefined && typeof scope !== 'string') throw new ClaimsError('scope');
  const scopes = (scope ?? '').split(' ').filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  return { sub, roles: [...new Set(roles)], ou, ...(department !== undefined && { department }), scopes };
}
