/**
 * The org units a village rolls up to, read off its 12-digit division code: village (12), township (9),
 * district/county (6), city (4 digits + "00"). The codes nest by prefix, so no lookup is needed.
 */
export type OrgUnitLevel = 'village' | 'township' | 'district' | 'city';

export interface OrgUnitRef {
  code: string;
  level: OrgUnitLevel;
}

export function orgUnitPath(villageCode: string): OrgUnitRef[] {
  if (!/^\d{12}$/.test(villageCode)) throw new Error('village codes have 12 digits');
  return [
    { code: villageCode, level: 'village' },
    { code: villageCode.slice(0, 9), level: 'township' },
    { code: villageCode.slice(0, 6), level: 'district' },
    { code: `${villageCode.slice(0, 4)}00`, level: 'city' },
  ];
}
