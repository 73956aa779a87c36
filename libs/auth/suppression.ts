/**
 * Small-cell suppression for published indicators: a cell whose denominator counts fewer than
 * MIN_CELL_HOUSEHOLDS households could single a family out, so analysts get it withheld and marked.
 * Where a cell counts events of households (responses, needs, tests), its row carries `households`, the
 * distinct households behind it (libs/indicators/distinct-households.ts): six responses of two families
 * are a cell of two. It is counted only where the events leave the answer open; where it is null the event
 * count decides, rightly: it is then under 5 (so are the households) or at least 5 times the most events any
 * one household has (so 5 households at least). Auditors (and admins) see every value: they check the figures,
 * they do not publish them.
 */
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

/** Whether this principal must be shown suppressed cells. */
export function needsSuppression(principal: Principal | undefined): boolean {
  if (!principal) return true;
  return !hasRole(principal, 'auditor', 'admin');
}

/**
 * A copy of `rows` with every cell of fewer than MIN_CELL_HOUSEHOLDS households (its `households`, else its
 * `cellSize`, else its denominator) withheld (`null`) and marked `suppressed: true`; rows with none of these
 * as a number pass unchanged. Pure: the input is not modified.
 */
export function suppressSmallCells<R extends SuppressibleRow>(rows: readonly R[], principal: Principal | undefined): SuppressedRow<R>[] {
  if (!needsSuppression(principal)) return rows.map((row) => ({ ...row }));
  return rows.map((row) => {
    // A row may count its households apart from its denominator (a rate over responses); that count rules.
    const households =
      typeof row.households === 'number' ? row.households : typeof row.cellSize === 'number' ? row.cellSize : row.denominator;
    if (typeof households !== 'number' || households >= MIN_CELL_HOUSEHOLDS) return { ...row };
    const copy: Record<string, unknown> = { ...row, suppressed: true };
    for (const field of WITHHELD) if (field in copy) copy[field] = null;
    // Extras (neutral, dissatisfied, open, met...) would give the numerator back by subtraction.
    const kept = typeof row.denominator === 'number' ? KEPT : KEPT_OF_COUNTS;
    for (const [field, value] of Object.entries(copy)) if (typeof value === 'number' && !kept.has(field)) copy[field] = null;
    return copy as SuppressedRow<R>;
  });
}
