/**
 * The distinct households behind a cell whose size counts events (responses, needs, tests): the size small-cell
 * suppression judges (libs/auth/suppression.ts). Distinct counts do not add up across villages or months, so
 * they are counted with `count(DISTINCT ...)` over a per-event table at village grain. That scan is costly (the
 * whole table at city level), so it is skipped wherever a bound already decides: if no household has more than
 * M events behind the cell size in the whole read model, a cell of d events has at least ceil(d / M) households
 * and at most d. A cell of d >= 5M has 5 or more, one of d < 5 fewer: only cells of 5 <= d < 5M are counted.
 */
import { MIN_CELL_HOUSEHOLDS } from '@libs/auth/suppression';
import { IndicatorRequest } from './definitions';
import { orgUnitColumn } from './org-unit-path';

export interface HouseholdsSpec {
  /**
   * A table of the read model at village grain: the org-unit path columns, `period` (month), the indicator's
   * dimension columns, and one row per event (or per household and cell) behind the cell size.
   */
  table: string;
  /** The column naming the household (a screening record for the screening chain: one couple or woman). */
  column: string;
  /** Only the rows behind the cell size, e.g. `response <> 'no-answer'`: SQL over the table's columns. */
  where?: string;
  /**
   * The read model's events per household (household-bound.ts): its largest `n` is M. Every event behind any
   * cell size must count in it, or the bound would publish a cell it should withhold.
   */
  bound: string;
}

/** The cell statement's parts the count repeats, so its rows group and join as the cells do. */
export interface CellShape {
  /** The key columns as selected (`period`, `org_unit`, then the requested dimensions, each with a comma after). */
  keys: string;
  /** What the cells are grouped by. */
  groups: readonly string[];
  /** The period join, whose parameters the count shares. */
  periods: string;
  /** The cell's size in events: what decides where `households` is not counted. */
  size: 'denominator' | 'cellSize';
}

/**
 * Wraps `cells` (the count statement, grouped by `shape.groups`, unordered) so each of its rows also carries
 * `households`: the distinct households behind it where the bound leaves the suppression decision open, else
 * null (its size in events decides). When no cell is uncertain, the per-event table is not read at all (the
 * EXISTS is a one-time filter); otherwise only the uncertain cells' org units and periods.
 */
export function withDistinctHouseholds(
  cells: string,
  spec: HouseholdsSpec,
  schema: string,
  request: IndicatorRequest,
  shape: CellShape,
): string {
  const level = orgUnitColumn(request.level);
  const filter = spec.where ? ` AND (${spec.where})` : '';
  const keys = ['period', 'org_unit', ...request.by.map((name) => `"${name}"`)];
  const households = `SELECT ${shape.keys} count(DISTINCT t.${spec.column}) AS households
                        FROM ${schema}.${spec.table} t ${shape.periods}
                       WHERE EXISTS (SELECT 1 FROM uncertain) AND t.${orgUnitColumn(request.orgUnitLevel)} = $1${filter}
                         AND t.${level} IN (SELECT org_unit FROM uncertain) AND p.code IN (SELECT period FROM uncertain)
                       GROUP BY ${shape.groups.join(', ')}`;
  return `WITH cells AS (${cells}),
               bound AS (SELECT coalesce(max(n), 0) AS most FROM ${schema}.${spec.bound}),
               uncertain AS (SELECT ${keys.map((key) => `c.${key}`).join(', ')} FROM cells c CROSS JOIN bound b
                              WHERE c."${shape.size}" >= ${MIN_CELL_HOUSEHOLDS} AND c."${shape.size}" < ${MIN_CELL_HOUSEHOLDS} * b.most),
               households AS (${households})
          SELECT c.*, CASE WHEN u.org_unit IS NOT NULL THEN coalesce(h.households, 0) END AS households
            FROM cells c LEFT JOIN uncertain u USING (${keys.join(', ')}) LEFT JOIN households h USING (${keys.join(', ')})
           ORDER BY ${keys.map((key) => `c.${key}`).join(', ')}`;
}
