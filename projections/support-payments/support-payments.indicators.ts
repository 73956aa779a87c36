/** The indicators answered from support-payments (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';

const common = {
  readModel: 'support-payments',
  table: 'support_counts',
  dimensions: { programme: 'programme_code', category: 'household_category' },
  periodGrain: 'month' as const,
  aggregation: 'flow' as const,
};

export const supportPaymentsIndicators: readonly Indicator[] = [
  countIndicator({
    ...common,
    name: 'support-granted',
    title: 'Support granted',
    unit: 'fen',
    description:
      'Support granted to households in the month (money, or the value of goods), in integer fen, less the grants reversed in the month; grants, reversals and units of goods beside.',
    numerator: { label: 'granted less reversed (fen)', sql: 'sum(granted_fen - reversed_fen)' },
    extras: { grants: 'sum(grants)', reversals: 'sum(reversals)', units: 'sum(granted_units - reversed_units)' },
  }),
  countIndicator({
    ...common,
    name: 'support-handed-out',
    title: 'Support handed out',
    unit: 'fen',
    description:
      'Money and goods (by value) delivered to households in the month, less what came back: returns, and what households held of a grant reversed in the month. Integer fen; deliveries and returns beside.',
    numerator: { label: 'delivered less returned (fen)', sql: 'sum(delivered_fen - returned_fen - reversed_held_fen)' },
    extras: {
      deliveries: 'sum(deliveries)',
      returns: 'sum(returns)',
      deliveredFen: 'sum(delivered_fen)',
      returnedFen: 'sum(returned_fen)',
    },
  }),
  countIndicator({
    ...common,
    name: 'support-units-handed-out',
    title: 'Goods handed out',
    unit: 'items',
    description:
      'Units of donated goods (wheelchairs, items of equipment and medicines) delivered to households in the month, less those returned or reversed; by programme for one kind of goods.',
    numerator: { label: 'units delivered less returned', sql: 'sum(delivered_units - returned_units - reversed_held_units)' },
  }),
  countIndicator({
    ...common,
    name: 'support-grants',
    title: 'Grants of support',
    unit: 'grants',
    description: 'Grants of support made to households in the month, less those reversed in the month.',
    numerator: { label: 'grants less reversals', sql: 'sum(grants - reversals)' },
  }),
];
