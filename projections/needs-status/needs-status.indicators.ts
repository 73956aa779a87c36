/** The indicators answered from needs-status (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';

const NEED = { focusArea: 'focus_area', kind: 'kind' };
/**
 * Needs are events of households: a cell is judged by the distinct households that recorded them, counted
 * from the per-need rows (which carry the household, cell and month recorded). The count of needs is
 * judged too: its open and met beside give the share met back.
 */
const HOUSEHOLDS = { table: 'needs', column: 'household_id', bound: 'needs_per_household' };

export const needsStatusIndicators: readonly Indicator[] = [
  countIndicator({
    name: 'needs-recorded',
    title: 'Needs recorded',
    unit: 'needs',
    readModel: 'needs-status',
    table: 'need_counts',
    description: 'Needs recorded in the period, with how many are still open and how many a service has met.',
    numerator: { label: 'needs recorded', sql: 'sum(open + met)' },
    // Its size in needs: what judges a cell whose households the bound spares counting.
    extras: { open: 'sum(open)', met: 'sum(met)', cellSize: 'sum(open + met)' },
    households: HOUSEHOLDS,
    dimensions: NEED,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
  countIndicator({
    name: 'needs-met-rate',
    title: 'Share of needs met',
    unit: 'proportion',
    readModel: 'needs-status',
    table: 'need_counts',
    description: 'Needs recorded in the period that at least one service has met, over all needs recorded in it.',
    numerator: { label: 'needs met', sql: 'sum(met)' },
    denominator: { label: 'needs recorded', sql: 'sum(open + met)' },
    households: HOUSEHOLDS,
    dimensions: NEED,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
];
