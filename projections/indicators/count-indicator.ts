/**
 * The common shape: numerator (and denominator) summed over a count table of one read model, rolled up to
 * the requested level by grouping on that level's path column, per requested period, per dimension.
 */
import { EntityManager } from 'typeorm';
import { Period } from '@libs/periods';
import { orgUnitColumn } from '../shared/org-unit-path';
import { Indicator, IndicatorDefinition, IndicatorRequest, IndicatorRow, Measure } from './definitions';
import { wilsonInterval } from './wilson';

export interface CountIndicatorSpec extends Omit<IndicatorDefinition, 'numerator' | 'denominator'> {
  table: string;
  numerator: Measure;
  denominator?: Measure;
  /** Further sums reported beside (e.g. no-answer next to a satisfaction rate), by output name. */
  extras?: Readonly<Record<string, string>>;
}

export const ALL_TIME = 'all';

export function countIndicator(spec: CountIndicatorSpec): Indicator {
  const { table, extras, ...definition } = spec;
  return {
    ...definition,
    numerator: { label: spec.numerator.label },
    denominator: spec.denominator && { label: spec.denominator.label },
    async compute(tx: EntityManager, schema: string, request: IndicatorRequest): Promise<IndicatorRow[]> {
      const periodColumn = spec.periodGrain === 'year' ? 'enrolment_year' : 'period';
      const { join, values } = periodJoin(request.periods, spec.periodGrain);
      const dims = request.by.map((name) => `${spec.dimensions[name]} AS "${name}"`);
      const extraSums = Object.entries(extras ?? {}).map(([name, sql]) => `${sql} AS "${name}"`);
      const groups = ['p.code', orgUnitColumn(request.level), ...request.by.map((name) => spec.dimensions[name])];
      const rows: Record<string, unknown>[] = await tx.query(
        `SELECT p.code AS period, ${orgUnitColumn(request.level)} AS org_unit, ${[...dims, ...extraSums].map((s) => `${s}, `).join('')}
                ${spec.numerator.sql} AS numerator, ${spec.denominator ? spec.denominator.sql : 'NULL'} AS denominator
           FROM ${schema}.${table} t JOIN ${join} ON t.${periodColumn} BETWEEN p.first AND p.last
          WHERE t.${orgUnitColumn(request.orgUnitLevel)} = $1
          GROUP BY ${groups.join(', ')} ORDER BY ${groups.map((_, i) => i + 1).join(', ')}`,
        [request.orgUnit, ...values],
      );
      return rows.map((row) => toRow(spec, request, row));
    },
  };
}

/** The requested periods as a VALUES list (code, first, last) in the grain of the period column. */
export function periodJoin(periods: Period[] | undefined, grain: 'month' | 'year'): { join: string; values: unknown[] } {
  const list = periods ?? [{ code: ALL_TIME, firstMonth: 0, lastMonth: 999_999 }];
  const scale = (month: number) => (grain === 'year' ? Math.floor(month / 100) : month);
  const values = list.flatMap((p) => [p.code, scale(p.firstMonth), scale(p.lastMonth)]);
  const tuples = list.map((_, i) => `($${i * 3 + 2}::text, $${i * 3 + 3}::int, $${i * 3 + 4}::int)`);
  return { join: `(VALUES ${tuples.join(', ')}) AS p(code, first, last)`, values };
}

function toRow(spec: CountIndicatorSpec, request: IndicatorRequest, row: Record<string, unknown>): IndicatorRow {
  const numerator = Number(row.numerator);
  const denominator = row.denominator === null ? null : Number(row.denominator);
  const out: IndicatorRow = { orgUnit: String(row.org_unit), level: request.level, period: String(row.period), numerator, denominator, value: null };
  for (const name of request.by) out[name] = row[name];
  for (const name of Object.keys(spec.extras ?? {})) out[name] = Number(row[name]);
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
