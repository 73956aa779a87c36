/**
 * The org units a village rolls up to, read off its 12-digit division code: village (12), township (9),
 * district/county (6), city (4 digits + "00"). The codes nest by prefix (reference-data checks the tree),
 * so projections need no lookup: every count row carries its village's whole path, and a query rolls up by
 * grouping on the column of the level it wants.
 */
export type OrgUnitLevel = 'village' | 'township' | 'district' | 'city';

export const ORG_UNIT_LEVELS: readonly OrgUnitLevel[] = ['city', 'district', 'township', 'village'];

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

/** The column of a count table that holds the org unit of `level`. */
export function orgUnitColumn(level: OrgUnitLevel): string {
  return `${level}_code`;
}

/** DDL fragment: the org-unit path columns every count table starts with. */
export const ORG_UNIT_COLUMNS_DDL = `village_code text NOT NULL, township_code text NOT NULL, district_code text NOT NULL, city_code text NOT NULL`;

/** The path as the four column values, village first (the order of ORG_UNIT_COLUMNS_DDL). */
export function orgUnitValues(villageCode: string): [string, string, string, string] {
  const [village, township, district, city] = orgUnitPath(villageCode).map((unit) => unit.code);
  return [village, township, district, city];
}
