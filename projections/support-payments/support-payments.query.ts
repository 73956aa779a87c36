/** What one household received, from the read model's active copy; `schema` comes from the projection's checkpoint. */
import { EntityManager } from 'typeorm';
import { assertSchemaName } from '@libs/projection/copies';

export interface HouseholdSupportEntry {
  supportId: string;
  programmeCode: string;
  status: 'granted' | 'reversed';
  /** ISO-8601 UTC, when the grant was made in the field. */
  grantedAt: string;
  grantedFen: number;
  grantedUnits: number;
  deliveredFen: number;
  deliveredUnits: number;
  returnedFen: number;
  returnedUnits: number;
}

/** The household's grants, oldest first. Fen amounts stay far below 2^53, so they travel as numbers. */
export function supportOfHousehold(
  db: Pick<EntityManager, 'query'>,
  schema: string,
  householdId: string,
): Promise<HouseholdSupportEntry[]> {
  assertSchemaName(schema);
  return db.query(
    `SELECT support_id AS "supportId", programme_code AS "programmeCode", status, granted_at AS "grantedAt",
            granted_fen::float8 AS "grantedFen", granted_units::float8 AS "grantedUnits",
            delivered_fen::float8 AS "deliveredFen", delivered_units::float8 AS "deliveredUnits",
            returned_fen::float8 AS "returnedFen", returned_units::float8 AS "returnedUnits"
       FROM ${schema}.support_grants WHERE household_id = $1 ORDER BY granted_at, support_id`,
    [householdId],
  );
}
