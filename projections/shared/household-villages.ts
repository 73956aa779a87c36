/**
 * Each read model that counts by org unit keeps its own map of household to village path, learnt from
 * HouseholdEnrolled (copies are independent: a rebuild of one never waits on another).
 */
import { EntityManager } from 'typeorm';
import { ORG_UNIT_COLUMNS_DDL, orgUnitValues } from './org-unit-path';

export function householdVillagesDdl(schema: string): string {
  return `CREATE TABLE ${schema}.household_villages (household_id text PRIMARY KEY, ${ORG_UNIT_COLUMNS_DDL})`;
}

export async function rememberVillage(tx: EntityManager, schema: string, householdId: string, villageCode: string): Promise<void> {
  await tx.query(
    `INSERT INTO ${schema}.household_villages (household_id, village_code, township_code, district_code, city_code)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (household_id) DO NOTHING`,
    [householdId, ...orgUnitValues(villageCode)],
  );
}

/** An event about a household this read model never saw enrolled: poison, so it is parked, not dropped. */
export class UnknownHouseholdError extends Error {
  constructor(readonly householdId: string) {
    super(`household ${householdId} has no HouseholdEnrolled in this read model`);
    this.name = 'UnknownHouseholdError';
  }
}

export async function assertKnownHousehold(tx: EntityManager, schema: string, householdId: string): Promise<void> {
  const rows: unknown[] = await tx.query(`SELECT 1 FROM ${schema}.household_villages WHERE household_id = $1`, [householdId]);
  if (rows.length === 0) throw new UnknownHouseholdError(householdId);
}

/** The path columns selected from the map, for `INSERT ... SELECT` statements. */
export const PATH = `v.village_code, v.township_code, v.district_code, v.city_code`;
