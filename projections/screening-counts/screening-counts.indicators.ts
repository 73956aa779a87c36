/**
 * The indicators answered from screening-counts (see README.md beside this file). Counts of people's own
 * health events: each row carries its size in events as `cellSize`, and in distinct records (a couple or a
 * woman: one family) as `households`, which rules: a cell of fewer than 5 records is withheld whole from
 * analysts (libs/auth/suppression.ts), however many tests they had. The counselling rate is judged by the
 * records behind its denominator, the findings.
 */
import { countIndicator, Indicator } from '@libs/indicators';

const common = {
  readModel: 'screening-counts',
  table: 'screening_counts',
  dimensions: {},
  periodGrain: 'month' as const,
  aggregation: 'flow' as const,
};

/** The distinct records behind the cells of one count. */
const records = (column: string) => ({
  table: 'screening_subjects',
  column: 'screening_id',
  where: `counted = '${column}'`,
  bound: 'events_per_screening',
});

const count = (name: string, title: string, unit: 'people' | 'tests', description: string, column: string): Indicator =>
  countIndicator({
    ...common,
    name,
    title,
    unit,
    description,
    numerator: { label: title.toLowerCase(), sql: `sum(${column})` },
    extras: { cellSize: `sum(${column})` },
    households: records(column),
  });

export const screeningCountsIndicators: readonly Indicator[] = [
  count(
    'pre-pregnancy-checks',
    'Couples given the free pre-pregnancy check',
    'people',
    'Couples checked, by the local month of the check.',
    'checks',
  ),
  count(
    'five-item-tests',
    'Five-item tests',
    'tests',
    'Five-item tests done (a person may have several), by the local month done.',
    'five_item_tests',
  ),
  count('two-item-screenings', 'Two-item screenings', 'tests', 'Two-item screenings done, by the local month done.', 'two_item_screenings'),
  count(
    'high-risk-findings',
    'High-risk findings',
    'people',
    'Couples or pregnant women found at high risk, by the local month of the finding.',
    'high_risk',
  ),
  countIndicator({
    ...common,
    name: 'counselling-rate',
    title: 'Genetic counselling among the high-risk',
    unit: 'proportion',
    description:
      'Of the high-risk findings of the period, the share whose genetic counselling is recorded (by the month of the finding, so a later counselling raises an earlier month). Offers to those findings reported beside. Wilson 95% interval.',
    numerator: { label: 'counselled', sql: 'sum(counselled)' },
    denominator: { label: 'high-risk findings', sql: 'sum(high_risk)' },
    extras: { offered: 'sum(counselling_offered)' },
    households: records('high_risk'),
    interval: 'wilson',
  }),
];
