/** The indicators answered from category-counts (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';
import {
  certificationGoal,
  certificationRate,
  enrolmentsOutsidePilots,
  enrolmentAgainstTarget,
  pilotHouseholdCoverage,
  pilotVillageCoverage,
} from './programme-targets';

const CATEGORY = { category: 'category' };

export const categoryCountsIndicators: readonly Indicator[] = [
  countIndicator({
    name: 'households-enrolled',
    title: 'Households enrolled',
    unit: 'households',
    readModel: 'category-counts',
    table: 'category_counts',
    description:
      'A flow: households enrolled in the period (by the month they enrolled) and not withdrawn since; withdrawn ones reported beside.',
    numerator: { label: 'active enrolled households', sql: 'sum(active)' },
    extras: { withdrawn: 'sum(withdrawn)', cellSize: 'sum(active + withdrawn)' },
    dimensions: CATEGORY,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
  countIndicator({
    name: 'households-active',
    title: 'Households enrolled and active',
    unit: 'households',
    readModel: 'category-counts',
    table: 'household_stock_changes',
    description:
      'A stock: households enrolled and not withdrawn at the end of the period (or of the asOf day), whenever they enrolled; certified ones beside.',
    numerator: { label: 'active enrolled households', sql: 'sum(active)' },
    extras: { certified: 'sum(certified)', cellSize: 'sum(active)' },
    dimensions: CATEGORY,
    periodGrain: 'month',
    aggregation: 'stock',
  }),
  certificationRate,
  certificationGoal,
  enrolmentAgainstTarget,
  pilotVillageCoverage,
  pilotHouseholdCoverage,
  enrolmentsOutsidePilots,
];
