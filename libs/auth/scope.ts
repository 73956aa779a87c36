/** Region scope: a token scoped to an org unit reaches that unit and everything below it. */
import { ReferenceData } from '../reference-data/reference-data';
import { CITY, Principal } from './principal';

export function isCityWide(principal: Principal): boolean {
  return principal.ou === CITY;
}

/** True when `target` is the principal's org unit or lies below it. Unknown codes are outside. */
export function withinScope(principal: Principal, target: string, tree: ReferenceData): boolean {
  if (isCityWide(principal) || target === principal.ou) return true;
  return tree.ancestors(target).some((unit) => unit.code === principal.ou);
}

/**
 * True when the token is the unit's own: scoped to it (a township's org unit) or naming it as its department.
 * A unit under supervision has no role of its own; its staff hold field roles (registrar, provider) there.
 */
export function belongsToUnit(principal: Principal, unitCode: string): boolean {
  return principal.ou === unitCode || principal.department === unitCode;
}
