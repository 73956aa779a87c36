/** The indicators answered from satisfaction-rates (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';

const SERVICE = { department: 'department_code', serviceType: 'service_type_code', focusArea: 'focus_area' };

export const satisfactionRatesIndicators: readonly Indicator[] = [
  countIndicator({
    name: 'satisfaction-rate',
    title: 'Satisfaction rate',
    unit: 'proportion',
    readModel: 'satisfaction-rates',
    table: 'satisfaction_counts',
    description:
      'Satisfied responses over valid responses (satisfied, neutral, dissatisfied) in the month of the response; no-answer is excluded and reported beside. Wilson 95% interval; target 90%.',
    numerator: { label: 'satisfied responses', sql: 'sum(satisfied)' },
    denominator: { label: 'valid responses', sql: 'sum(satisfied + neutral + dissatisfied)' },
    extras: { noAnswer: 'sum(no_answer)' },
    // Responses are events: a cell is judged by the distinct households that gave its valid ones.
    households: { table: 'responses', column: 'household_id', where: `response <> 'no-answer'`, bound: 'valid_responses_per_household' },
    dimensions: SERVICE,
    periodGrain: 'month',
    aggregation: 'flow',
    interval: 'wilson',
    target: { value: 0.9, label: 'at least 90% satisfied' },
  }),
];
