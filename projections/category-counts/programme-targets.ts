/**
 * The programme's own targets: enrolment against the year's target (programme.enrolment_targets, 70,200
 * households in 2012 for the city, configurable per year and org unit), pilot coverage (at least 15% of
 * the villages of each township, at least 15% of the households of each pilot village) and the
 * certification rate against the 60%-by-end-of-2015 goal. Coverage is as at the end of each period.
 */
import { referenceData } from '@libs/reference-data';
import { orgUnitColumn } from '@libs/indicators/org-unit-path';
import { countIndicator, countSource, judge, periodSpans, stockEnds, stockJoin } from '@libs/indicators/count-indicator';
import { Indicator, IndicatorQuery, IndicatorRequest, IndicatorRow } from '@libs/indicators/definitions';

export const certificationRate: Indicator = countIndicator({
  name: 'certification-rate',
  title: 'Certification rate among enrolled households',
  unit: 'proportion',
  readModel: 'category-counts',
  table: 'household_stock_changes',
  description:
    "A stock: households certified as Happy Families at the end of the period (or of the asOf day) over households enrolled and active then (pe=2013: certified by the end of 2013, whenever enrolled). The 60% goal itself counts all the city's households: certification-goal.",
  numerator: { label: 'certified households', sql: 'sum(certified)' },
  denominator: { label: 'active enrolled households', sql: 'sum(active)' },
  dimensions: { category: 'category' },
  periodGrain: 'month',
  aggregation: 'stock',
  target: { value: 0.6, label: 'at least 60% by the end of 2015' },
});

/** The states asked for, from stockJoin's parameters ($2 codes, $3 last days). */
const ENDS = 'unnest($2::text[], $3::int[]) AS p(code, last_day)';
/** A village's register row for a state: its latest year at or before the state's (the register is yearly). */
const REGISTER_YEAR = `h.year = (SELECT max(y.year) FROM programme.village_households y WHERE y.village_code = h.village_code AND y.year <= p.last_day / 10000)`;

/** SQL: the code of a village's unit at `level` (the codes nest by prefix; the city is 4 digits + 00). */
function unitOfVillage(column: string, level: IndicatorRequest['level']): string {
  return { village: column, township: `left(${column}, 9)`, district: `left(${column}, 6)`, city: `left(${column}, 4) || '00'` }[level];
}

/** The org units a request reports on: `orgUnit` itself, or its descendants at `level`. */
export function unitsAt(request: IndicatorRequest): string[] {
  if (request.level === request.orgUnitLevel) return [request.orgUnit];
  return referenceData
    .descendants(request.orgUnit)
    .filter((unit) => unit.level === request.level)
    .map((unit) => unit.code);
}

function villagesUnder(code: string): number {
  return referenceData.level(code) === 'village' ? 1 : referenceData.descendants(code).filter((unit) => unit.level === 'village').length;
}

const row = (request: IndicatorRequest, period: string, orgUnit: string, numerator: number, denominator: number | null): IndicatorRow => ({
  orgUnit,
  level: request.level,
  period,
  numerator,
  denominator,
  value: null,
});

/**
 * A cell of enrolment against a target is as small as the households enrolled (`cellSize`), not as the target:
 * the target is public, so a village with 1 household enrolled against 100 would give that household away. None
 * enrolled gives nobody away: such a cell is judged by its target, as before (a city yet to enrol shows 0).
 */
const enrolledAgainst = (request: IndicatorRequest, r: Record<string, unknown>): IndicatorRow => {
  const enrolled = Number(r.numerator);
  const cell = row(request, String(r.period), String(r.org_unit), enrolled, Number(r.denominator));
  return enrolled > 0 ? { ...cell, cellSize: enrolled } : cell;
};

export const enrolmentAgainstTarget: Indicator = {
  name: 'enrolment-vs-target',
  title: "Enrolment against the year's target",
  unit: 'proportion',
  readModel: 'category-counts',
  description:
    'Active households enrolled in the programme year (enrolmentYear) over the target set for that year and org unit; reported where a target is set, and over several years only the years with a target count on either side.',
  numerator: { label: 'active households enrolled in the year' },
  denominator: { label: 'target households for the year' },
  dimensions: {},
  periodGrain: 'year',
  aggregation: 'flow',
  target: { value: 1, label: "the year's target reached" },
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { spans, values } = periodSpans(request.periods, 'year');
    return {
      // Enrolments are matched to targets year by year: over a span (or all time) the cohorts of a year without a
      // target for the unit would be counted against the targets of the others (2012-2015 against 2012's 70,200).
      sql: `WITH targets AS (
              SELECT p.code AS period, g.org_unit_code AS org_unit, g.year, g.households
                FROM programme.enrolment_targets g JOIN ${spans} ON g.year BETWEEN p.first AND p.last
               WHERE g.org_unit_code = ANY($1::text[])),
            counts AS (
              SELECT t.${orgUnitColumn(request.level)} AS org_unit, t.enrolment_year AS year, sum(t.active) AS enrolled
                FROM ${schema}.category_counts t
               WHERE t.${orgUnitColumn(request.level)} = ANY($1::text[]) AND t.enrolment_year IN (SELECT year FROM targets)
               GROUP BY 1, 2)
            SELECT targets.period, targets.org_unit, coalesce(sum(counts.enrolled), 0) AS numerator, sum(targets.households) AS denominator
              FROM targets LEFT JOIN counts USING (org_unit, year) GROUP BY 1, 2 ORDER BY 1, 2`,
      params: [unitsAt(request), ...values],
      toRows: (rows) => rows.map((r) => judge(this, enrolledAgainst(request, r))),
    };
  },
};

/** Villages designated pilots (and not withdrawn) at the end of each state asked for, `$1` the org unit filter. */
const pilotsAt = (schema: string, filter: string) => `
  SELECT p.code, c.village_code FROM ${schema}.pilot_village_changes c JOIN ${ENDS} ON c.day <= p.last_day
   WHERE c.${filter} = $1 GROUP BY 1, 2 HAVING sum(c.pilots) > 0`;

export const pilotVillageCoverage: Indicator = {
  name: 'pilot-village-coverage',
  title: 'Pilot villages per township',
  unit: 'proportion',
  readModel: 'category-counts',
  description:
    'A stock: villages designated pilots (PilotVillageDesignated, not withdrawn) at the end of the period over all villages of the org unit (reference data); target at least 15% per township.',
  numerator: { label: 'pilot villages designated' },
  denominator: { label: 'villages' },
  dimensions: {},
  periodGrain: 'month',
  aggregation: 'stock',
  target: { value: 0.15, label: 'at least 15% of villages' },
  levels: ['city', 'district', 'township'],
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { values } = stockJoin(request);
    return {
      sql: `SELECT pv.code AS period, ${unitOfVillage('pv.village_code', request.level)} AS org_unit, count(*) AS villages
              FROM (${pilotsAt(schema, orgUnitColumn(request.orgUnitLevel))}) pv GROUP BY 1, 2`,
      params: [request.orgUnit, ...values],
      toRows: (counted) => {
        const found = new Map(counted.map((c) => [`${c.period}|${c.org_unit}`, Number(c.villages)]));
        return stockEnds(request).flatMap(([period]) =>
          unitsAt(request).map((unit) => judge(this, row(request, period, unit, found.get(`${period}|${unit}`) ?? 0, villagesUnder(unit)))),
        );
      },
    };
  },
};

/** Enrolled households living outside pilot villages: the seed enrols in pilots; anywhere else is reported as such. */
export const enrolmentsOutsidePilots: Indicator = {
  name: 'enrolments-outside-pilots',
  title: 'Enrolled households outside pilot villages',
  unit: 'proportion',
  readModel: 'category-counts',
  description:
    'A stock: households enrolled and active at the end of the period in villages that were not designated pilots then, over all households enrolled and active.',
  numerator: { label: 'active enrolled households outside pilot villages' },
  denominator: { label: 'active enrolled households' },
  dimensions: {},
  periodGrain: 'month',
  aggregation: 'stock',
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { values } = stockJoin(request);
    const filter = orgUnitColumn(request.orgUnitLevel);
    return {
      sql: `WITH pilots AS (${pilotsAt(schema, filter)})
            SELECT p.code AS period, t.${orgUnitColumn(request.level)} AS org_unit,
                   coalesce(sum(t.active) FILTER (WHERE pv.village_code IS NULL), 0) AS numerator, sum(t.active) AS denominator
              FROM ${schema}.household_stock_changes t JOIN ${ENDS} ON t.day <= p.last_day
              LEFT JOIN pilots pv ON pv.code = p.code AND pv.village_code = t.village_code
             WHERE t.${filter} = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      params: [request.orgUnit, ...values],
      toRows: (rows) =>
        rows.map((r) => judge(this, row(request, String(r.period), String(r.org_unit), Number(r.numerator), Number(r.denominator)))),
    };
  },
};

export const pilotHouseholdCoverage: Indicator = {
  name: 'pilot-household-coverage',
  title: 'Pilot coverage of households',
  unit: 'proportion',
  readModel: 'category-counts',
  description:
    'A stock: households enrolled and active at the end of the period over the households living in the village that year (the household register, latest version); reported for the villages that were designated pilots then and that the register lists; target at least 15% per pilot village.',
  numerator: { label: 'active enrolled households' },
  denominator: { label: 'households living in the village (register)' },
  dimensions: {},
  periodGrain: 'month',
  aggregation: 'stock',
  target: { value: 0.15, label: 'at least 15% of households' },
  levels: ['village'],
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { values } = stockJoin(request);
    return {
      sql: `SELECT p.code AS period, h.village_code AS org_unit, coalesce(sum(t.active), 0) AS numerator, h.households AS denominator
              FROM ${ENDS} JOIN programme.village_households h ON ${REGISTER_YEAR}
              LEFT JOIN ${schema}.household_stock_changes t ON t.village_code = h.village_code AND t.day <= p.last_day
             WHERE h.village_code = ANY($1::text[])
               AND (SELECT sum(c.pilots) FROM ${schema}.pilot_village_changes c WHERE c.village_code = h.village_code AND c.day <= p.last_day) > 0
             GROUP BY p.code, h.village_code, h.households ORDER BY 1, 2`,
      params: [unitsAt(request), ...values],
      toRows: (rows) =>
        rows.map((r) => judge(this, row(request, String(r.period), String(r.org_unit), Number(r.numerator), Number(r.denominator)))),
    };
  },
};

/**
 * The seed's goal: at least 60% of all the city's households certified by the end of 2015. Certified
 * households at the end of the period (a stock) over the households living in the unit's villages that year
 * (the household register); units without register rows for the year have no denominator and no value.
 */
export const certificationGoal: Indicator = {
  name: 'certification-goal',
  title: 'Happy Families among all households (the 60% goal)',
  unit: 'proportion',
  readModel: 'category-counts',
  description:
    "A stock: households certified at the end of the period (or of the asOf day) over all households living in the org unit that year (the village household register, latest version): the seed's goal, 60% by the end of 2015. certification-rate divides by enrolled households instead.",
  numerator: { label: 'certified households' },
  denominator: { label: 'households living in the org unit (register)' },
  dimensions: {},
  periodGrain: 'month',
  aggregation: 'stock',
  target: { value: 0.6, label: 'at least 60% of all households by the end of 2015' },
  query(schema: string, request: IndicatorRequest): IndicatorQuery {
    const { join, values } = stockJoin(request);
    const filter = orgUnitColumn(request.orgUnitLevel);
    return {
      sql: `WITH certified AS (
              SELECT p.code AS period, p.last_day, t.${orgUnitColumn(request.level)} AS org_unit, sum(t.certified) AS certified
                FROM ${schema}.${countSource('household_stock_changes', request)} t ${join}
               WHERE t.${filter} = $1 GROUP BY 1, 2, 3),
            register AS (
              SELECT p.code AS period, ${unitOfVillage('h.village_code', request.level)} AS org_unit, sum(h.households) AS households
                FROM ${ENDS} JOIN programme.village_households h ON ${REGISTER_YEAR}
               WHERE ${unitOfVillage('h.village_code', request.orgUnitLevel)} = $1 GROUP BY 1, 2)
            SELECT coalesce(c.period, r.period) AS period, coalesce(c.org_unit, r.org_unit) AS org_unit,
                   coalesce(c.certified, 0) AS numerator, r.households AS denominator
              FROM certified c FULL JOIN register r USING (period, org_unit) ORDER BY 1, 2`,
      params: [request.orgUnit, ...values],
      // Without a register figure there is nothing to divide by: no value, not judged (judge would report the count).
      toRows: (rows) =>
        rows.map((r) =>
          r.denominator === null
            ? {
                ...row(request, String(r.period), String(r.org_unit), Number(r.numerator), null),
                target: this.target!.value,
                targetMet: null,
              }
            : judge(this, row(request, String(r.period), String(r.org_unit), Number(r.numerator), Number(r.denominator))),
        ),
    };
  },
};
