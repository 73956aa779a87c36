/**
 * The programme's own targets: enrolment against the year's target (programme.enrolment_targets, 70,200
 * households in 2012 for the city, configurable per year and org unit), pilot coverage (at least 15% of
 * the villages of each township, at least 15% of the households of each pilot village) and the
 * certification rate against the 60%-by-end-of-2015 goal. Coverage is as at the end of each period.
 */
import { referenceData } from '@libs/reference-data';
import { orgUnitColumn } from '@libs/indicators/org-unit-path';
import { countIndicator, judge, periodSpans } from '@libs/indicators/count-indicator';
import { Indicator, IndicatorQuery, IndicatorRequest, IndicatorRow } from '@libs/indicators/definitions';

export const certificationRate: Indicator = countIndicator({
  name: 'certification-rate', title: 'Happy Family certification rate', unit: 'proportion', readModel: 'category-counts', table: 'category_counts',
  description: 'Enrolled (not withdrawn) households certified as Happy Families over enrolled households, by enrolment month; goal 60% by the end of 2015.',
  numerator: { label: 'certified households', sql: 'sum(certified)' }, denominator: { label: 'active enrolled households', sql: 'sum(active)' },
  dimensions: { category: 'category' }, periodGrain: 'month', target: { value: 0.6, label: 'at least 60% by the end of 2015' },
});

/** The org units a request reports on: `orgUnit` itself, or its descendants at `level`. */
export function unitsAt(request: IndicatorRequest): string[] {
  if (request.level === request.orgUnitLevel) return [request.orgUnit];
  return referenceData.descendants(request.orgUnit).filter((unit) => unit.level === request.level).map((unit) => unit.code);
}

function villagesUnder(code: string): number {
  return referenceData.level(code) === 'village' ? 1 : referenceData.descendants(code).filter((unit) => unit.level === 'village').length;
}

const row = (request: IndicatorRequest, period: string, orgUnit: string, numerator: number, denominator: number | null): IndicatorRow =>
  ({ orgUnit, level: request.level, period, numerator, denominator, value: null });

export const enrolmentAgainstTarget: Indicator = {
  name: 'enrolment-vs-target', title: 'Enrolment against the year\'s target', unit: 'proportion', readModel: 'category-counts',
  description: 'Active households enrolled in the programme year (enrolmentYear) over the target set for that year and org unit; reported where a target is set.',
  numerator: { label: 'active households enrolled in the year' }, denominator: { label: 'target households for the year' },
  dimensions: {}, periodGrain: 'year', target: { value: 1, label: 'the year\'s target reached' },
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { spans, values } = periodSpans(request.periods, 'year');
    return {
      sql: `WITH targets AS (
              SELECT p.code AS period, g.org_unit_code AS org_unit, sum(g.households) AS target
                FROM programme.enrolment_targets g JOIN ${spans} ON g.year BETWEEN p.first AND p.last
               WHERE g.org_unit_code = ANY($1::text[]) GROUP BY 1, 2),
            counts AS (
              SELECT p.code AS period, t.${orgUnitColumn(request.level)} AS org_unit, sum(t.active) AS enrolled
                FROM ${schema}.category_counts t JOIN ${spans} ON t.enrolment_year BETWEEN p.first AND p.last
               WHERE t.${orgUnitColumn(request.level)} = ANY($1::text[]) GROUP BY 1, 2)
            SELECT targets.period, targets.org_unit, coalesce(counts.enrolled, 0) AS numerator, targets.target AS denominator
              FROM targets LEFT JOIN counts USING (period, org_unit) ORDER BY 1, 2`,
      params: [unitsAt(request), ...values],
      toRows: (rows) => rows.map((r) => judge(this, row(request, String(r.period), String(r.org_unit), Number(r.numerator), Number(r.denominator)))),
    };
  },
};

export const pilotVillageCoverage: Indicator = {
  name: 'pilot-village-coverage', title: 'Pilot coverage of villages', unit: 'proportion', readModel: 'category-counts',
  description: 'Villages with at least one active enrolled household (enrolled by the end of the period) over all villages of the org unit (reference data); target at least 15% per township.',
  numerator: { label: 'villages with enrolled households' }, denominator: { label: 'villages' },
  dimensions: {}, periodGrain: 'month', target: { value: 0.15, label: 'at least 15% of villages' }, levels: ['city', 'district', 'township'],
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { spans, values } = periodSpans(request.periods, 'month');
    const level = orgUnitColumn(request.level);
    return {
      sql: `SELECT period, org_unit, count(*) AS villages FROM (
              SELECT p.code AS period, t.${level} AS org_unit, t.village_code FROM ${schema}.category_counts t JOIN ${spans} ON t.period <= p.last
               WHERE t.${orgUnitColumn(request.orgUnitLevel)} = $1 GROUP BY 1, 2, 3 HAVING sum(t.active) > 0) v
             GROUP BY 1, 2`,
      params: [request.orgUnit, ...values],
      toRows: (counted) => {
        const found = new Map(counted.map((c) => [`${c.period}|${c.org_unit}`, Number(c.villages)]));
        const periods = request.periods?.map((p) => p.code) ?? ['all'];
        return periods.flatMap((period) => unitsAt(request).map((unit) =>
          judge(this, row(request, period, unit, found.get(`${period}|${unit}`) ?? 0, villagesUnder(unit)))));
      },
    };
  },
};

export const pilotHouseholdCoverage: Indicator = {
  name: 'pilot-household-coverage', title: 'Pilot coverage of households', unit: 'proportion', readModel: 'category-counts',
  description: 'Active enrolled households (enrolled by the end of the period) over the households living in the village (programme.village_households); reported for villages with a household figure; target at least 15% per pilot village.',
  numerator: { label: 'active enrolled households' }, denominator: { label: 'households living in the village' },
  dimensions: {}, periodGrain: 'month', target: { value: 0.15, label: 'at least 15% of households' }, levels: ['village'],
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { spans, values } = periodSpans(request.periods, 'month');
    return {
      sql: `SELECT p.code AS period, h.village_code AS org_unit, coalesce(sum(t.active), 0) AS numerator, h.households AS denominator
              FROM programme.village_households h CROSS JOIN ${spans}
              LEFT JOIN ${schema}.category_counts t ON t.village_code = h.village_code AND t.period <= p.last
             WHERE h.village_code = ANY($1::text[])
             GROUP BY p.code, h.village_code, h.households ORDER BY 1, 2`,
      params: [unitsAt(request), ...values],
      toRows: (rows) => rows.map((r) => judge(this, row(request, String(r.period), String(r.org_unit), Number(r.numerator), Number(r.denominator)))),
    };
  },
};
