/** Pages of the loan register's active copy; `schema` comes from the projection's checkpoint. */
import { EntityManager } from 'typeorm';
import { assertSchemaName } from '@libs/projection/copies';

export interface LoanListEntry {
  loanId: string;
  householdId: string;
  villageCode: string;
  districtCode: string;
  programmeCode: string;
  borrowerGroup: string;
  principalFen: number;
  outstandingFen: number;
  status: string;
  grantedAt: string;
}

/**
 * Loans of households under `ou` (any level; undefined: the whole city), of one household when
 * `householdId` is given (both filters apply: a scoped caller's `ou` keeps another district's household out),
 * after `afterId`, in id order.
 */
export async function listLoans(
  db: Pick<EntityManager, 'query'>,
  schema: string,
  filter: { ou?: string; householdId?: string; afterId?: string; limit: number },
): Promise<LoanListEntry[]> {
  assertSchemaName(schema);
  // Fen amounts stay below 2^53 (a loan is capped at tens of thousands of yuan), so they travel as numbers.
  return db.query(
    `SELECT loan_id AS "loanId", household_id AS "householdId", village_code AS "villageCode", district_code AS "districtCode",
            programme_code AS "programmeCode", borrower_group AS "borrowerGroup", principal_fen::float8 AS "principalFen",
            outstanding_fen::float8 AS "outstandingFen", status, granted_at AS "grantedAt"
       FROM ${schema}.loans
      WHERE ($1::text IS NULL OR $1 IN (village_code, township_code, district_code, city_code))
        AND ($2::text IS NULL OR loan_id > $2)
        AND ($4::text IS NULL OR household_id = $4)
      ORDER BY loan_id LIMIT $3`,
    [filter.ou ?? null, filter.afterId ?? null, filter.limit, filter.householdId ?? null],
  );
}
