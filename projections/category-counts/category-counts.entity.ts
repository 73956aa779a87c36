/** TypeORM view of `reporting.household_counts` (the table lives in the active copy; see README.md beside it). */
import { ViewColumn, ViewEntity } from 'typeorm';

@ViewEntity({ schema: 'reporting', name: 'household_counts', synchronize: false })
export class HouseholdCountsView {
  @ViewColumn({ name: 'city_code' }) cityCode!: string;
  @ViewColumn({ name: 'district_code' }) districtCode!: string;
  @ViewColumn({ name: 'township_code' }) townshipCode!: string;
  @ViewColumn({ name: 'village_code' }) villageCode!: string;
  @ViewColumn() category!: string;
  @ViewColumn({ name: 'enrolment_year' }) enrolmentYear!: number;
  @ViewColumn({ name: 'enrolment_month' }) enrolmentMonth!: number;
  @ViewColumn({ name: 'active_households' }) activeHouseholds!: number;
  @ViewColumn({ name: 'withdrawn_households' }) withdrawnHouseholds!: number;
  @ViewColumn({ name: 'certified_households' }) certifiedHouseholds!: number;
  // Names beside the codes (reporting.org_unit_names, reporting.code_names): Chinese (zh) and English (en).
  @ViewColumn({ name: 'district_name_zh' }) districtNameZh!: string | null;
  @ViewColumn({ name: 'district_name_en' }) districtNameEn!: string | null;
  @ViewColumn({ name: 'township_name_zh' }) townshipNameZh!: string | null;
  @ViewColumn({ name: 'township_name_en' }) townshipNameEn!: string | null;
  @ViewColumn({ name: 'village_name_zh' }) villageNameZh!: string | null;
  @ViewColumn({ name: 'village_name_en' }) villageNameEn!: string | null;
  @ViewColumn({ name: 'category_name_zh' }) categoryNameZh!: string | null;
  @ViewColumn({ name: 'category_name_en' }) categoryNameEn!: string | null;
}
