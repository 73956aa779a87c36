/** TypeORM view of `reporting.need_counts`. */
import { ViewColumn, ViewEntity } from 'typeorm';
import { PlaceColumns } from '@libs/projection/reporting-columns';

@ViewEntity({ schema: 'reporting', name: 'need_counts', synchronize: false })
export class NeedCountsView extends PlaceColumns {
  @ViewColumn({ name: 'focus_area' }) focusArea!: string;
  @ViewColumn({ name: 'need_kind' }) needKind!: string;
  @ViewColumn({ name: 'recorded_month' }) recordedMonth!: number;
  @ViewColumn({ name: 'open_needs' }) openNeeds!: number;
  @ViewColumn({ name: 'met_needs' }) metNeeds!: number;
  // Beside the codes: the names of this view's own codes (its places' names come with PlaceColumns).
  @ViewColumn({ name: 'focus_area_name_zh' }) focusAreaNameZh!: string | null;
  @ViewColumn({ name: 'focus_area_name_en' }) focusAreaNameEn!: string | null;
  @ViewColumn({ name: 'need_kind_name_zh' }) needKindNameZh!: string | null;
  @ViewColumn({ name: 'need_kind_name_en' }) needKindNameEn!: string | null;
}
