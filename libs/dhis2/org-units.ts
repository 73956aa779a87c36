/** The org-unit level below a unit (DHIS2's `children=true`), from the reference data. */
import { OrgUnitLevel } from '../indicators';
import { referenceData } from '../reference-data';

const BELOW: Partial<Record<OrgUnitLevel, OrgUnitLevel>> = { city: 'district', district: 'township', township: 'village' };

export function childLevelOf(orgUnit: string): OrgUnitLevel | undefined {
  const level = referenceData.level(orgUnit);
  return level ? BELOW[level] : undefined;
}

export function orgUnitName(code: string): string {
  return referenceData.orgUnit(code)?.name ?? code;
}
