/** A district's compliance over a range of months, judged against `currentMonth` (see compliance.ts). */
import { EntityManager } from 'typeorm';
import { monthOfInstant } from '@libs/domain/supervision';
import { assertSchemaName } from '@libs/projection/copies';
import { bulletinCompliance, monthsBetween, PeriodCompliance, Report, Term, visitCompliance } from './compliance';

type Queryable = Pick<EntityManager, 'query'>;

export interface DistrictCompliance {
  districtCode: string;
  months: PeriodCompliance[];
  bimonths: PeriodCompliance[];
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function districtCompliance(
  db: Queryable,
  schema: string,
  districtCode: string,
  range: { from?: string; to: string },
  currentMonth: string,
): Promise<DistrictCompliance> {
  assertSchemaName(schema);
  const terms: Term[] = await db.query(
    `SELECT supervisor_id AS "supervisorId", ${ISO('from_at')} AS "from", ${ISO('until_at')} AS "until" FROM ${schema}.terms WHERE district_code = $1 ORDER BY from_at`,
    [districtCode],
  );
  const visits: Report[] = await db.query(
    `SELECT month AS period, ${ISO('recorded_at')} AS "recordedAt" FROM ${schema}.visits WHERE district_code = $1`,
    [districtCode],
  );
  const bulletins: Report[] = await db.query(
    `SELECT period, ${ISO('recorded_at')} AS "recordedAt" FROM ${schema}.bulletins WHERE district_code = $1`,
    [districtCode],
  );
  const first = range.from ?? firstMonth(terms, range.to);
  const months = monthsBetween(first, range.to);
  return {
    districtCode,
    months: visitCompliance(months, visits, terms, currentMonth),
    bimonths: bulletinCompliance(months, bulletins, terms, currentMonth),
  };
}

/** From the first term's month (city calendar) by default; nothing before anyone was in office. */
function firstMonth(terms: readonly Term[], fallback: string): string {
  return terms.length === 0 ? fallback : monthOfInstant(terms[0].from);
}
