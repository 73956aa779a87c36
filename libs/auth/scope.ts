/** Region scope: a token scoped to an org unit reaches that unit and everything below it. */
import { ReferenceData } from '../reference-data/reference-data';
import { CITY, hasRole, Principal } from './principal';

export function isCityWide(principal: Principal): boolean {
  return principal.ou === CITY;
}

/** True when `target` is the principal's org unit or lies below it. Unknown codes are outside. */
export function withinScope(principal: Principal, target: string, tree: ReferenceData): boolean {
  if (isCityWide(principal) || target === principal.ou) return true;
  return tree.ancestors(target).some((unit) => unit.code === principal.ou);
}

/**
 * True when the token is the unit's own: a registrar's scoped to it (a township's org unit) or a provider's
 * naming it as its department. A unit under supervision has no role of its own; its staff hold field roles
 * there, and a claim counts only for the role it is issued for: a provider's `ou` is where it serves, not a
 * unit it belongs to, and a registrar's stray `department` is no department's.
 */
export function belongsToUnit(principal: Principal, unitCode: string): boolean {
  return (
    (hasRole(principal, 'registrar') && principal.ou === unitCode) || (hasRole(principal, 'provider') && principal.department === unitCode)
  );
}

/** True when the token's org unit is `unit` or lies below it: the reverse of withinScope. */
export function scopedBelow(principal: Principal, unit: string, tree: ReferenceData): boolean {
  return principal.ou === unit || tree.ancestors(principal.ou).some((above) => above.code === unit);
}
