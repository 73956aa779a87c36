/**
 * Region scope and department checks for one request, driven by its policy entry. An aggregate outside
 * the caller's subtree answers exactly as a missing one does (404 `not-found`), so a scoped token cannot
 * learn what exists elsewhere. A creation or query naming a place outside is 403 `out-of-scope`. A code
 * the tree does not know is let through: validation answers 400 naming it, and nothing can be created.
 */
import { Request } from 'express';
import { DepartmentRule, isCityWide, Principal, ScopeRule, scopedBelow, withinScope } from '@libs/auth';
import { referenceData } from '@libs/reference-data';
import { referenceNames } from '@libs/reference-data/names';
import { ProblemException } from '../http/problem';
import { OrgUnitResolver } from './org-unit-resolver';

const notFound = () => ProblemException.of(404, 'not-found');
const outOfScope = (what: string) => ProblemException.of(403, 'out-of-scope', `${what} lies outside the org unit of your token`);

/** The path's segments: `/households/<id>/services/<serviceId>/satisfaction` → [households, id, ...]. */
function segment(request: Request, index: number): string | undefined {
  const value = request.path.split('/').filter(Boolean)[index];
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape names nothing that exists
  }
}

function bodyField(request: Request, field: string): unknown {
  const body = request.body as unknown;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined;
}

function known(code: unknown): code is string {
  return typeof code === 'string' && referenceData.orgUnit(code) !== undefined;
}

/** A place given twice (`?ou=a&ou=b`, a JSON array) is judged by each code, not let past as "unknown". */
function someKnownOutside(value: unknown, inside: (code: string) => boolean): boolean {
  return (Array.isArray(value) ? value : [value]).some((code) => known(code) && !inside(code));
}

/**
 * A query's place given by name (`?ou=兴庆区`, which the indicator reads accept) judged as the code the handler
 * will resolve it to: judged as an unknown code, a name of another district's unit was answered.
 */
function asCodes(value: unknown): unknown {
  const codeOf = (given: unknown) => {
    if (typeof given !== 'string' || known(given)) return given;
    const named = referenceNames.orgUnitsNamed(given);
    return named.length === 1 ? named[0].code : given;
  };
  return Array.isArray(value) ? value.map(codeOf) : codeOf(value);
}

/**
 * A scoped caller that names no place asks about its own: the parameter is filled in with the token's org
 * unit, so the handler answers for the scope rather than for the whole city (which would be refused).
 * Express 5 parses `request.query` afresh on every read, hence a value of its own on this request.
 */
function defaultQuery(request: Request, param: string, ou: string): void {
  const query = { ...request.query, [param]: ou };
  Object.defineProperty(request, 'query', { value: query, configurable: true, enumerable: true, writable: true });
}

export async function checkScope(rule: ScopeRule, principal: Principal, request: Request, resolver: OrgUnitResolver): Promise<void> {
  if (rule.kind === 'none' || rule.kind === 'own' || isCityWide(principal)) return;
  const inside = (code: string) => withinScope(principal, code, referenceData);
  switch (rule.kind) {
    case 'city':
      throw outOfScope('this endpoint spans the whole city and');
    case 'body': {
      const code = rule.fields.map((field) => bodyField(request, field)).find((value) => value !== undefined);
      if (someKnownOutside(code, inside)) throw outOfScope('the org unit named');
      return;
    }
    case 'body-household': {
      const householdId = bodyField(request, rule.field);
      if (typeof householdId !== 'string') return;
      const village = await resolver.householdVillage(householdId);
      if (village === undefined || !inside(village)) throw notFound();
      return;
    }
    case 'query': {
      const code = request.query[rule.param];
      if (code === undefined) return defaultQuery(request, rule.param, principal.ou);
      if (someKnownOutside(asCodes(code), inside)) throw outOfScope(`the ${rule.param} named`);
      return;
    }
    case 'path-ou': {
      const code = segment(request, rule.segment);
      if (!known(code)) throw outOfScope('this endpoint spans the whole city and');
      if (!inside(code)) throw notFound();
      return;
    }
    case 'aggregate': {
      const unit = await resolver.aggregateUnit(rule.aggregate, segment(request, 1) ?? '');
      if (unit === undefined || !inside(unit)) throw notFound();
      return;
    }
    case 'case-or-its-unit': {
      // Below the case's district only: department codes are city-wide, and a case may name a unit elsewhere.
      // Whether the token is the unit's own (its role) is the handler's 403; a claim naming it is enough here.
      const caseId = segment(request, 1) ?? '';
      const unit = await resolver.aggregateUnit('case', caseId);
      if (unit !== undefined && inside(unit)) return;
      if (unit === undefined || !scopedBelow(principal, unit, referenceData)) throw notFound();
      const subject = await resolver.caseSubjectUnit(caseId);
      if (subject === undefined || (principal.ou !== subject && principal.department !== subject)) throw notFound();
      return;
    }
    default: {
      const exhaustive: never = rule;
      throw new Error(`unknown scope rule ${JSON.stringify(exhaustive)}`);
    }
  }
}

/**
 * A scoped caller may not choose the id of what it creates: answered by existence, a chosen id would tell
 * whether that id is taken in another district. Every id it names gets this same answer; retries stay safe
 * with Idempotency-Key, from which the service derives the id.
 */
export function checkChosenId(field: string | undefined, principal: Principal, request: Request): void {
  if (field === undefined || isCityWide(principal) || bodyField(request, field) === undefined) return;
  throw ProblemException.of(400, 'invalid-request', 'the request does not match the schema', {
    errors: [
      {
        field,
        rule: 'chosenByService',
        message: `${field} is chosen by the service for a token scoped to an org unit (send an Idempotency-Key to retry safely)`,
      },
    ],
  });
}

/** A provider acts only for the department its token names. */
export async function checkDepartment(
  rule: DepartmentRule,
  principal: Principal,
  request: Request,
  resolver: OrgUnitResolver,
): Promise<void> {
  if (principal.department === undefined)
    throw ProblemException.of(403, 'department-required', 'a provider token must name its department');
  const department =
    rule.from === 'body'
      ? bodyField(request, rule.field)
      : await resolver.serviceDepartment(segment(request, 1) ?? '', segment(request, 3) ?? '');
  if (typeof department === 'string' && department !== principal.department) {
    throw ProblemException.of(403, 'other-department', "this service belongs to another department than your token's");
  }
}
