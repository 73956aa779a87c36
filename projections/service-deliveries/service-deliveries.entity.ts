/** TypeORM view of `reporting.service_counts`. */
import { ViewColumn, ViewEntity } from 'typeorm';
import { ServiceColumns } from '@libs/projection/reporting-columns';

@ViewEntity({ schema: 'reporting', name: 'service_counts', synchronize: false })
export class ServiceCountsView extends ServiceColumns {
  @ViewColumn({ name: 'delivered_month' }) deliveredMonth!: number;
  @ViewColumn({ name: 'services_delivered' }) servicesDelivered!: number;
}
