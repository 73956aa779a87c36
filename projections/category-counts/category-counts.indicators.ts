/** The indicators answered from category-counts (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';
import { certificationRate, enrolmentAgainstTarget, pilotHouseholdCoverage, pilotVillageCoverage } from './programme-targets';

const CATEGORY = { category: 'category' };

export const categoryCountsIndicators: readonly Indicator[] = [
  countIndicator({
    name: 'households-enrolled', title: 'Households enrolled', unit: 'households', readModel: 'category-counts', table: 'category_counts',
    description: 'Households enrolled and not withdrawn, by the month they were enrolled; withdrawn ones reported beside.',
    numerator: { label: 'active enrolled households', sql: 'sum(active)' }, extras: { withdrawn: 'sum(withdrawn)' },
    dimensions: CATEGORY, periodGrain: 'month',
  }),
  certificationRate,
  enrolmentAgainstTarget,
  pilotVillageCoverage,
  pilotHouseholdCoverage,
];
