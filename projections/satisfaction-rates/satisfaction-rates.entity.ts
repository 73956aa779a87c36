/** TypeORM view of `reporting.satisfaction_counts`. */
import { ViewColumn, ViewEntity } from 'typeorm';

@ViewEntity({ schema: 'reporting', name: 'satisfaction_counts', synchronize: false })
export class SatisfactionCountsView {
  @ViewColumn({ name: 'city_code' }) cityCode!: string;
  @ViewColumn({ name: 'district_code' }) districtCode!: string;
  @ViewColumn({ name: 'township_code' }) townshipCode!: string;
  @ViewColumn({ name: 'village_code' }) villageCode!: string;
  @ViewColumn({ name: 'department_code' }) departmentCode!: string;
  @ViewColumn({ name: 'service_type_code' }) serviceTypeCode!: string;
  @ViewColumn({ name: 'focus_area' }) focusArea!: string;
  @ViewColumn({ name: 'response_month' }) responseMonth!: number;
  @ViewColumn() satisfied!: number;
  @ViewColumn() neutral!: number;
  @ViewColumn() dissatisfied!: number;
  @ViewColumn({ name: 'no_answer' }) noAnswer!: number;
  @ViewColumn({ name: 'valid_responses' }) validResponses!: number;
}
