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
  // Names beside the codes (reporting.org_unit_names, reporting.code_names): Chinese (zh) and English (en).
  @ViewColumn({ name: 'district_name_zh' }) districtNameZh!: string | null;
  @ViewColumn({ name: 'district_name_en' }) districtNameEn!: string | null;
  @ViewColumn({ name: 'township_name_zh' }) townshipNameZh!: string | null;
  @ViewColumn({ name: 'township_name_en' }) townshipNameEn!: string | null;
  @ViewColumn({ name: 'village_name_zh' }) villageNameZh!: string | null;
  @ViewColumn({ name: 'village_name_en' }) villageNameEn!: string | null;
  @ViewColumn({ name: 'focus_area_name_zh' }) focusAreaNameZh!: string | null;
  @ViewColumn({ name: 'focus_area_name_en' }) focusAreaNameEn!: string | null;
  @ViewColumn({ name: 'need_kind_name_zh' }) needKindNameZh!: string | null;
  @ViewColumn({ name: 'need_kind_name_en' }) needKindNameEn!: string | null;
}
