/** The indicators answered from service-deliveries (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';

const SERVICE = { department: 'department_code', serviceType: 'service_type_code', focusArea: 'focus_area' };

export const serviceDeliveriesIndicators: readonly Indicator[] = [
  countIndicator({
    name: 'services-delivered',
    title: 'Services delivered',
    unit: 'services',
    readModel: 'service-deliveries',
    table: 'service_counts',
    description: 'Services delivered to enrolled households, by the month of delivery.',
    numerator: { label: 'services delivered', sql: 'sum(delivered)' },
    extras: { cellSize: 'sum(delivered)' },
    dimensions: SERVICE,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
];
