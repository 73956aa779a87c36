/** TypeORM view of `reporting.need_counts`. */
import { ViewColumn, ViewEntity } from 'typeorm';

@ViewEntity({ schema: 'reporting', name: 'need_counts', synchronize: false })
export class NeedCountsView {
  @ViewColumn({ name: 'city_code' }) cityCode!: string;
  @ViewColumn({ name: 'district_code' }) districtCode!: string;
  @ViewColumn({ name: 'township_code' }) townshipCode!: string;
  @ViewColumn({ name: 'village_code' }) villageCode!: string;
  @ViewColumn({ name: 'focus_area' }) focusArea!: string;
  @ViewColumn({ name: 'need_kind' }) needKind!: string;
  @ViewColumn({ name: 'recorded_month' }) recordedMonth!: number;
  @ViewColumn({ name: 'open_needs' }) openNeeds!: number;
  @ViewColumn({ name: 'met_needs' }) metNeeds!: number;
}
