/** TypeORM view of `reporting.household_counts` (the table lives in the active copy; see README.md beside it). */
import { ViewColumn, ViewEntity } from 'typeorm';
import { PlaceColumns } from '@libs/projection/reporting-columns';

@ViewEntity({ schema: 'reporting', name: 'household_counts', synchronize: false })
export class HouseholdCountsView extends PlaceColumns {
  @ViewColumn() category!: string;
  @ViewColumn({ name: 'enrolment_year' }) enrolmentYear!: number;
  @ViewColumn({ name: 'enrolment_month' }) enrolmentMonth!: number;
  @ViewColumn({ name: 'active_households' }) activeHouseholds!: number;
  @ViewColumn({ name: 'withdrawn_households' }) withdrawnHouseholds!: number;
  @ViewColumn({ name: 'certified_households' }) certifiedHouseholds!: number;
  // Beside the codes: the names of this view's own codes (its places' names come with PlaceColumns).
  @ViewColumn({ name: 'category_name_zh' }) categoryNameZh!: string | null;
  @ViewColumn({ name: 'category_name_en' }) categoryNameEn!: string | null;
}
