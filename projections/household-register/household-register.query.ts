/** Pages of the household register's active copy; `schema` comes from the projection's checkpoint. */
import { EntityManager } from 'typeorm';
import { assertSchemaName } from '@libs/projection/copies';

export interface HouseholdListEntry {
  householdId: string;
  villageCode: string;
  townshipCode: string;
  districtCode: string;
  category: string;
  status: string;
  certified: boolean;
  members: number;
  enrolmentYear: number;
  enrolledAt: string;
}

/** Households under `ou` (any level; undefined: the whole city) after `afterId`, in id order, at most `limit`. */
export async function listHouseholds(
  db: Pick<EntityManager, 'query'>,
  schema: string,
  filter: { ou?: string; afterId?: string; limit: number },
): Promise<HouseholdListEntry[]> {
  assertSchemaName(schema);
  return db.query(
    `SELECT household_id AS "householdId", village_code AS "villageCode", township_code AS "townshipCode", district_code AS "districtCode",
            category, status, certified, members, enrolment_year AS "enrolmentYear", enrolled_at AS "enrolledAt"
       FROM ${schema}.households
      WHERE ($1::text IS NULL OR $1 IN (village_code, township_code, district_code, city_code))
        AND ($2::text IS NULL OR household_id > $2)
      ORDER BY household_id LIMIT $3`,
    [filter.ou ?? null, filter.afterId ?? null, filter.limit],
  );
}
