/**
 * The common shape: numerator (and denominator) summed over a count table of one read model, rolled up to
 * the requested level by grouping on that level's path column, per requested period, per dimension. At the
 * city and district levels it reads the table's district rollup (district-rollup.ts), a few hundred rows.
 */
import { Period, monthsOf } from '@libs/periods';
import { orgUnitColumn } from './org-unit-path';
import { Indicator, IndicatorDefinition, IndicatorQuery, IndicatorRequest, IndicatorRow, Measure } from './definitions';
import { ROLLUP_LEVELS, rollupTable } from './district-rollup';
import { HouseholdsSpec, withDistinctHouseholds } from './distinct-households';
import { wilsonInterval } from './wilson';

export interface CountIndicatorSpec extends Omit<IndicatorDefinition, 'numerator' | 'denominator'> {
  table: string;
  numerator: Measure;
  denominator?: Measure;
  /** Further sums reported beside (e.g. no-answer next to a satisfaction rate), by output name. */
  extras?: Readonly<Record<string, string>>;
  /**
   * Where the cell counts events of households (responses, needs, tests): the table its distinct households
   * are counted from, and the bound that spares the count. Each row then carries `households`: exact where the
   * bound leaves the suppression decision open, else null (its event count, the denominator or else `cellSize`,
   * decides: libs/auth/suppression.ts). Flows only.
   */
  households?: HouseholdsSpec;
}

export const ALL_TIME = 'all';

export function countIndicator(spec: CountIndicatorSpec): Indicator {
  const { table, extras, households, ...definition } = spec;
  if (households && spec.aggregation !== 'flow') throw new Error(`${spec.name}: distinct households are counted for flows only`);
  // A cell not counted is judged by its events: a count must carry them as its `cellSize`.
  if (households && !spec.denominator && !extras?.cellSize) throw new Error(`${spec.name}: a count judged by households needs a cellSize`);
  return {
    ...definition,
    numerator: { label: spec.numerator.label },
    denominator: spec.denominator && { label: spec.denominator.label },
    query: (schema, request) => countQuery(spec, schema, request),
  };
}

/** The table a request reads: the district rollup when both its levels are at or above the district. */
export function countSource(table: string, request: Pick<IndicatorRequest, 'level' | 'orgUnitLevel'>): string {
  const rolledUp = ROLLUP_LEVELS.includes(request.level) && ROLLUP_LEVELS.includes(request.orgUnitLevel);
  return rolledUp ? rollupTable(table) : table;
}

function countQuery(spec: CountIndicatorSpec, schema: string, request: IndicatorRequest): IndicatorQuery {
  const { join, values } =
    spec.aggregation === 'stock'
      ? stockJoin(request)
      : periodJoin(request.periods, spec.periodGrain === 'year' ? 'enrolment_year' : 'period', spec.periodGrain);
  const level = orgUnitColumn(request.level);
  const dimensions = request.by.map((name) => spec.dimensions[name]);
  const sums = [...Object.entries(spec.extras ?? {}), ['numerator', spec.numerator.sql], ['denominator', spec.denominator?.sql ?? 'NULL']];
  const groups = ['p.code', `t.${level}`, ...dimensions];
  // The events a cell counts, what suppression falls back to (libs/auth/suppression.ts reads `cellSize` first).
  const size = spec.extras?.cellSize ? 'cellSize' : 'denominator';
  const keys = `p.code AS period, t.${level} AS org_unit, ${request.by.map((name, i) => `${dimensions[i]} AS "${name}", `).join('')}`;
  const cells = `SELECT ${keys}
                 ${sums.map(([name, sql]) => `${sql} AS "${name}"`).join(', ')}
            FROM ${schema}.${countSource(spec.table, request)} t ${join}
           WHERE t.${orgUnitColumn(request.orgUnitLevel)} = $1
           GROUP BY ${groups.join(', ')}`;
  return {
    sql: spec.households
      ? withDistinctHouseholds(cells, spec.households, schema, request, { keys, groups, periods: join, size })
      : `${cells} ORDER BY ${groups.map((_, i) => i + 1).join(', ')}`,
    params: [request.orgUnit, ...values],
    toRows: (result) => result.map((row) => toRow(spec, request, row)),
  };
}

/**
 * The requested periods as `p(code)` joined on the row's month (or year) by equality: one hash probe a row,
 * where a range join compared every row with every period. Periods are sent as two arrays (code, month),
 * one element per month of each period, so the statement's text does not change with the periods asked.
 * All time is one constant group. Parameters from `$2`, after the org unit.
 */
export function periodJoin(periods: Period[] | undefined, column: string, grain: 'month' | 'year'): { join: string; values: unknown[] } {
  if (!periods) return { join: `CROSS JOIN (SELECT $2::text AS code) p`, values: [ALL_TIME] };
  // A period listed twice would count its rows twice: each (code, unit) pair once.
  const unique = new Map(
    periods.flatMap((period) => unitsOf(period, grain).map((unit) => [`${period.code}|${unit}`, [period.code, unit] as const])),
  );
  const pairs = [...unique.values()];
  return {
    join: `JOIN unnest($2::text[], $3::int[]) AS p(code, unit) ON t.${column} = p.unit`,
    values: [pairs.map(([code]) => code), pairs.map(([, unit]) => unit)],
  };
}

/**
 * A stock's table holds its changes by local day (`day`, yyyymmdd): the state at a period's end is the sum
 * of the changes on or before its last day. Each period (or the `asOf` day, or all time: now) is one group.
 */
export function stockJoin(request: Pick<IndicatorRequest, 'periods' | 'asOf'>): { join: string; values: unknown[] } {
  const ends = stockEnds(request);
  return {
    join: `JOIN unnest($2::text[], $3::int[]) AS p(code, last_day) ON t.day <= p.last_day`,
    values: [ends.map(([code]) => code), ends.map(([, day]) => day)],
  };
}

/** `[code, last local day as yyyymmdd]` of each state asked for. */
export function stockEnds({ periods, asOf }: Pick<IndicatorRequest, 'periods' | 'asOf'>): [string, number][] {
  if (asOf !== undefined) return [[asOf, Number(asOf.replace(/-/g, ''))]];
  if (!periods) return [[ALL_TIME, 99_991_231]];
  // Days run to 31 whatever the month: a day number above the month's last day never occurs.
  return [...new Map(periods.map((p) => [p.code, p.lastMonth * 100 + 31] as [string, number]))];
}

function unitsOf(period: Period, grain: 'month' | 'year'): number[] {
  if (grain === 'month') return monthsOf(period);
  const years: number[] = [];
  for (let year = Math.floor(period.firstMonth / 100); year <= Math.floor(period.lastMonth / 100); year++) years.push(year);
  return years;
}

/** The requested periods as a VALUES list (code, first, last), for the indicators that need spans (as-at coverage). */
export function periodSpans(periods: Period[] | undefined, grain: 'month' | 'year', first = 2): { spans: string; values: unknown[] } {
  // A period listed twice (`pe=2012;2012`) would join every row twice and double both sums: each code once.
  const list = periods ? [...new Map(periods.map((p) => [p.code, p])).values()] : [{ code: ALL_TIME, firstMonth: 0, lastMonth: 999_999 }];
  const scale = (month: number) => (grain === 'year' ? Math.floor(month / 100) : month);
  const values = list.flatMap((p) => [p.code, scale(p.firstMonth), scale(p.lastMonth)]);
  const tuples = list.map((_, i) => `($${i * 3 + first}::text, $${i * 3 + first + 1}::int, $${i * 3 + first + 2}::int)`);
  return { spans: `(VALUES ${tuples.join(', ')}) AS p(code, first, last)`, values };
}

function toRow(spec: CountIndicatorSpec, request: IndicatorRequest, row: Record<string, unknown>): IndicatorRow {
  const numerator = Number(row.numerator);
  const denominator = row.denominator === null ? null : Number(row.denominator);
  const out: IndicatorRow = {
    orgUnit: String(row.org_unit),
    level: request.level,
    period: String(row.period),
    numerator,
    denominator,
    value: null,
  };
  for (const name of request.by) out[name] = row[name];
  for (const name of Object.keys(spec.extras ?? {})) out[name] = Number(row[name]);
  if (spec.households) out.households = row.households === null ? null : Number(row.households);
  return judge(spec, out);
}

/** Value, interval and target of a row from its numerator and denominator. */
export function judge(spec: Pick<IndicatorDefinition, 'interval' | 'target'>, row: IndicatorRow): IndicatorRow {
  const { numerator, denominator } = row;
  row.value = denominator === null ? numerator : denominator > 0 ? numerator / denominator : null;
  if (spec.interval === 'wilson' && denominator !== null) row.interval = wilsonInterval(numerator, denominator);
  if (spec.target) {
    row.target = spec.target.value;
    row.targetMet = row.value === null ? null : row.value >= spec.target.value;
  }
  return row;
}
