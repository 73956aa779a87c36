/** TypeORM view of `reporting.service_counts`. */
import { ViewColumn, ViewEntity } from 'typeorm';

@ViewEntity({ schema: 'reporting', name: 'service_counts', synchronize: false })
export class ServiceCountsView {
  @ViewColumn({ name: 'city_code' }) cityCode!: string;
  @ViewColumn({ name: 'district_code' }) districtCode!: string;
  @ViewColumn({ name: 'township_code' }) townshipCode!: string;
  @ViewColumn({ name: 'village_code' }) villageCode!: string;
  @ViewColumn({ name: 'department_code' }) departmentCode!: string;
  @ViewColumn({ name: 'service_type_code' }) serviceTypeCode!: string;
  @ViewColumn({ name: 'focus_area' }) focusArea!: string;
  @ViewColumn({ name: 'delivered_month' }) deliveredMonth!: number;
  @ViewColumn({ name: 'services_delivered' }) servicesDelivered!: number;
}
