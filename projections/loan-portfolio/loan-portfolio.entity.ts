/** TypeORM view of `reporting.loan_counts`; amounts are integer fen (bigint: strings from the driver). */
import { ViewColumn, ViewEntity } from 'typeorm';

@ViewEntity({ schema: 'reporting', name: 'loan_counts', synchronize: false })
export class LoanCountsView {
  @ViewColumn({ name: 'city_code' }) cityCode!: string;
  @ViewColumn({ name: 'district_code' }) districtCode!: string;
  @ViewColumn({ name: 'township_code' }) townshipCode!: string;
  @ViewColumn({ name: 'village_code' }) villageCode!: string;
  @ViewColumn({ name: 'programme_code' }) programmeCode!: string;
  @ViewColumn({ name: 'borrower_group' }) borrowerGroup!: string;
  @ViewColumn({ name: 'granted_month' }) grantedMonth!: number;
  @ViewColumn({ name: 'loans_granted' }) loansGranted!: number;
  @ViewColumn({ name: 'principal_granted_fen' }) principalGrantedFen!: string;
  @ViewColumn({ name: 'repaid_fen' }) repaidFen!: string;
  @ViewColumn({ name: 'outstanding_fen' }) outstandingFen!: string;
  @ViewColumn({ name: 'repaid_loans' }) repaidLoans!: number;
  @ViewColumn({ name: 'defaulted_loans' }) defaultedLoans!: number;
  @ViewColumn({ name: 'defaulted_fen' }) defaultedFen!: string;
  // Names beside the codes (reporting.org_unit_names, reporting.code_names): Chinese (zh) and English (en).
  @ViewColumn({ name: 'district_name_zh' }) districtNameZh!: string | null;
  @ViewColumn({ name: 'district_name_en' }) districtNameEn!: string | null;
  @ViewColumn({ name: 'township_name_zh' }) townshipNameZh!: string | null;
  @ViewColumn({ name: 'township_name_en' }) townshipNameEn!: string | null;
  @ViewColumn({ name: 'village_name_zh' }) villageNameZh!: string | null;
  @ViewColumn({ name: 'village_name_en' }) villageNameEn!: string | null;
  @ViewColumn({ name: 'programme_name_zh' }) programmeNameZh!: string | null;
  @ViewColumn({ name: 'programme_name_en' }) programmeNameEn!: string | null;
  @ViewColumn({ name: 'borrower_group_name_zh' }) borrowerGroupNameZh!: string | null;
  @ViewColumn({ name: 'borrower_group_name_en' }) borrowerGroupNameEn!: string | null;
}
