/**
 * Columns that several `reporting` views share, declared once: each view's entity extends the set it has
 * (TypeORM reads the view columns of a base class as the entity's own). Names sit beside the codes
 * (reporting.org_unit_names, reporting.code_names): Chinese (zh) and English (en).
 */
import { ViewColumn } from 'typeorm';

/** Where a row lies: the org-unit chain from the city down to the village, with the units' names. */
export abstract class PlaceColumns {
  @ViewColumn({ name: 'city_code' }) cityCode!: string;
  @ViewColumn({ name: 'district_code' }) districtCode!: string;
  @ViewColumn({ name: 'township_code' }) townshipCode!: string;
  @ViewColumn({ name: 'village_code' }) villageCode!: string;
  @ViewColumn({ name: 'district_name_zh' }) districtNameZh!: string | null;
  @ViewColumn({ name: 'district_name_en' }) districtNameEn!: string | null;
  @ViewColumn({ name: 'township_name_zh' }) townshipNameZh!: string | null;
  @ViewColumn({ name: 'township_name_en' }) townshipNameEn!: string | null;
  @ViewColumn({ name: 'village_name_zh' }) villageNameZh!: string | null;
  @ViewColumn({ name: 'village_name_en' }) villageNameEn!: string | null;
}

/** A service's place and kind: who delivered it, of which type, under which focus area. */
export abstract class ServiceColumns extends PlaceColumns {
  @ViewColumn({ name: 'department_code' }) departmentCode!: string;
  @ViewColumn({ name: 'service_type_code' }) serviceTypeCode!: string;
  @ViewColumn({ name: 'focus_area' }) focusArea!: string;
  @ViewColumn({ name: 'department_name_zh' }) departmentNameZh!: string | null;
  @ViewColumn({ name: 'department_name_en' }) departmentNameEn!: string | null;
  @ViewColumn({ name: 'service_type_name_zh' }) serviceTypeNameZh!: string | null;
  @ViewColumn({ name: 'service_type_name_en' }) serviceTypeNameEn!: string | null;
  @ViewColumn({ name: 'focus_area_name_zh' }) focusAreaNameZh!: string | null;
  @ViewColumn({ name: 'focus_area_name_en' }) focusAreaNameEn!: string | null;
}
