/**
 * Small-cell suppression for published indicators: a cell whose denominator counts fewer than
 * MIN_CELL_HOUSEHOLDS households could single a family out, so analysts get it withheld and marked.
 * Where a cell counts events of households (responses, needs, tests), its row carries `households`, the
 * distinct households behind it (libs/indicators/distinct-households.ts): six responses of two families
 * are a cell of two. It is counted only where the events leave the answer open; where it is null the event
 * count decides, rightly: it is then under 5 (so are the households) or at least 5 times the most events any
 * one household has (so 5 households at least). Auditors (and admins) see every value: they check the figures,
 * they do not publish them.
 *
 * A small cell withheld alone is given back by subtraction wherever its siblings add up to a published total,
 * so suppressCells also withholds complements (complementary-suppression.ts) within each group of siblings: the
 * org units under one parent, and the values of one breakdown of one org unit, each in one period. A group whose
 * whole (the parent's cell, the org unit's cell without the breakdown) is withheld keeps two withheld parts at
 * least (`withheldWholes`): published, they would add up to it. Differencing across overlapping periods (a
 * quarter less two of its months) is not guarded against.
 */
import { CellGroup, GroupCell, protectGroups } from './complementary-suppression';
import { hasRole, Principal } from './principal';

export const MIN_CELL_HOUSEHOLDS = 5;

/** Fields that let the withheld value be worked back out, withheld with it (besides every other count). */
const WITHHELD = ['value', 'numerator', 'interval', 'lower', 'upper', 'ciLower', 'ciUpper', 'targetMet'] as const;
/** Numbers that stay: the cell's size is what says it was suppressed, the target is public. */
const KEPT = new Set(['denominator', 'households', 'target']);
/** Of a count (no denominator), the number of its households is near the count itself: withheld with it. */
const KEPT_OF_COUNTS = new Set(['target']);

export interface SuppressibleRow {
  denominator?: unknown;
  /** The distinct households behind the cell: when a number, it alone decides; null when the events decide. */
  households?: unknown;
  /** A count of people's own health events is its own cell size (screening counts): withheld whole when small. */
  cellSize?: unknown;
  [field: string]: unknown;
}

export type SuppressedRow<R> = R & { suppressed?: true };

/** Where a row's cell sits among its siblings: what suppressCells groups the rows by. */
export interface CellLayout {
  /** The answer's breakdowns (`by`): each row's values of them, in this order, name its cell within its org unit. */
  by: readonly string[];
  /** The org unit whose total a row's org unit is a part of; undefined at the top (the city). */
  parentOf(orgUnit: string): string | undefined;
  /** The cells (withheldCellKeys) withheld in the answers one level up and with one breakdown fewer. */
  withheldWholes?: ReadonlySet<string>;
}

/** Each withheld cell of an answer judged with breakdowns `by`, named as groupsOf names the whole of a group. */
export function withheldCellKeys(rows: readonly SuppressibleRow[], by: readonly string[]): Set<string> {
  const withheld = rows.filter((row) => row.suppressed === true);
  return new Set(
    withheld.map((row) =>
      cellKey(
        by,
        row.orgUnit,
        row.period,
        by.map((name) => row[name] ?? null),
      ),
    ),
  );
}

function cellKey(by: readonly string[], orgUnit: unknown, period: unknown, values: readonly unknown[]): string {
  return JSON.stringify([by, orgUnit ?? null, period ?? null, ...values]);
}

/** No groups: each row judged alone. */
const ALONE: CellLayout = { by: [], parentOf: () => undefined };

/** Marks an answer suppressCells has judged with its sibling groups, so it is not judged again on its rows alone. */
export const SUPPRESSED: unique symbol = Symbol('suppressed');

/** `body` marked (JSON leaves the symbol out). */
export function markSuppressed<T extends object>(body: T): T & { [SUPPRESSED]: true } {
  return { ...body, [SUPPRESSED]: true };
}

export function isSuppressed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { [SUPPRESSED]?: true })[SUPPRESSED] === true;
}

/** Whether this principal must be shown suppressed cells. */
export function needsSuppression(principal: Principal | undefined): boolean {
  if (!principal) return true;
  return !hasRole(principal, 'auditor', 'admin');
}

/**
 * A copy of `rows` with every cell of fewer than MIN_CELL_HOUSEHOLDS households (its `households`, else its
 * `cellSize`, else its denominator) withheld (`null`) and marked `suppressed: true`; rows with none of these
 * as a number pass unchanged. Each row is judged alone: for rows that are no parts of a published whole
 * (analytics answers go through suppressCells). Pure: the input is not modified.
 */
export function suppressSmallCells<R extends SuppressibleRow>(rows: readonly R[], principal: Principal | undefined): SuppressedRow<R>[] {
  return suppressCells(rows, principal, ALONE);
}

/**
 * As suppressSmallCells, and within each group of siblings in `rows` (complementary-suppression.ts) the smallest
 * published cells withheld too until two withheld ones or more hold MIN_CELL_HOUSEHOLDS households together. `rows`
 * must hold each returned cell's whole groups (the same answer for the parent org unit), or a cell may come out
 * otherwise than when asked with its siblings. Pure.
 */
export function suppressCells<R extends SuppressibleRow>(
  rows: readonly R[],
  principal: Principal | undefined,
  layout: CellLayout,
): SuppressedRow<R>[] {
  if (!needsSuppression(principal)) return rows.map((row) => ({ ...row }));
  const judged = rows.flatMap((row, index) => {
    const size = sizeOf(row);
    // Withheld earlier with its size (a count's): still withheld, of households unknown.
    if (size === undefined) return row.suppressed === true ? [{ index, row, size: 0 }] : [];
    return [{ index, row, size }];
  });
  const cells: GroupCell[] = judged.map(({ row, size }) => ({
    code: cellCode(row, layout),
    size,
    households: householdsAtLeast(row, size),
    withheld: row.suppressed === true || size < MIN_CELL_HOUSEHOLDS,
  }));
  const groups = groupsOf(
    judged.map(({ row }) => row),
    layout,
  );
  const withheld = protectGroups(cells, groups, MIN_CELL_HOUSEHOLDS);
  const out = rows.map((row) => ({ ...row }) as SuppressedRow<R>);
  judged.forEach(({ index, row }, i) => {
    if (withheld[i]) out[index] = withhold(row);
  });
  return out;
}

/** The size a cell is judged by: its distinct households, else its events (cellSize, else the denominator). */
function sizeOf(row: SuppressibleRow): number | undefined {
  const size = typeof row.households === 'number' ? row.households : typeof row.cellSize === 'number' ? row.cellSize : row.denominator;
  return typeof size === 'number' ? size : undefined;
}

/** Every count of the row zero (the public target aside): as if the row were not there. */
function isEmpty(row: SuppressibleRow): boolean {
  return Object.entries(row).every(([field, value]) => field === 'target' || typeof value !== 'number' || value === 0);
}

/**
 * The fewest households a cell holds. Its size where that counts households; where its events decided (households
 * null), one at least for a small cell of any events, and MIN_CELL_HOUSEHOLDS for a large one (see above).
 */
function householdsAtLeast(row: SuppressibleRow, size: number): number {
  if (typeof row.households === 'number' || !('households' in row)) return size;
  return size >= MIN_CELL_HOUSEHOLDS ? MIN_CELL_HOUSEHOLDS : Math.min(size, 1);
}

const valuesOf = (row: SuppressibleRow, layout: CellLayout) => layout.by.map((name) => row[name] ?? null);

/** The cell's org unit, then its breakdown values: siblings differ in one of them, so it orders them by code. */
function cellCode(row: SuppressibleRow, layout: CellLayout): string {
  return JSON.stringify([row.orgUnit ?? null, ...valuesOf(row, layout)]);
}

/**
 * Each row's groups, in the order of their keys (so the outcome does not hang on the rows' order): its org unit's
 * siblings (same period and breakdown values), and per breakdown the other values of it (same org unit, period
 * and other values).
 */
function groupsOf(rows: readonly SuppressibleRow[], layout: CellLayout): CellGroup[] {
  const groups = new Map<string, CellGroup & { members: number[] }>();
  const join = (key: string, sharesHouseholds: boolean, whole: string, i: number) => {
    const partsOfWithheld = layout.withheldWholes?.has(whole) ?? false;
    const group = groups.get(key) ?? { members: [], sharesHouseholds, partsOfWithheld };
    group.members.push(i);
    groups.set(key, group);
  };
  rows.forEach((row, i) => {
    // A cell of nothing (a rollup's counts cancelled out) is as an absent one: nothing to give back, no sibling.
    if (isEmpty(row)) return;
    const values = valuesOf(row, layout);
    const parent = typeof row.orgUnit === 'string' ? layout.parentOf(row.orgUnit) : undefined;
    if (parent !== undefined) {
      join(JSON.stringify(['ou', parent, row.period ?? null, ...values]), false, cellKey(layout.by, parent, row.period, values), i);
    }
    layout.by.forEach((name, d) => {
      const others = values.filter((_, j) => j !== d);
      const whole = cellKey(
        layout.by.filter((_, j) => j !== d),
        row.orgUnit,
        row.period,
        others,
      );
      join(JSON.stringify(['by', name, row.orgUnit ?? null, row.period ?? null, ...others]), true, whole, i);
    });
  });
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

/** The row with its value and every figure it could be worked back from withheld, and marked. */
function withhold<R extends SuppressibleRow>(row: R): SuppressedRow<R> {
  const copy: Record<string, unknown> = { ...row, suppressed: true };
  for (const field of WITHHELD) if (field in copy) copy[field] = null;
  // Extras (neutral, dissatisfied, open, met...) would give the numerator back by subtraction.
  const kept = typeof row.denominator === 'number' ? KEPT : KEPT_OF_COUNTS;
  for (const [field, value] of Object.entries(copy)) if (typeof value === 'number' && !kept.has(field)) copy[field] = null;
  return copy as SuppressedRow<R>;
}
