/** TypeORM view of `reporting.loan_counts`; amounts are integer fen (bigint: strings from the driver). */
import { ViewColumn, ViewEntity } from 'typeorm';
import { PlaceColumns } from '@libs/projection/reporting-columns';

@ViewEntity({ schema: 'reporting', name: 'loan_counts', synchronize: false })
export class LoanCountsView extends PlaceColumns {
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
  // Beside the codes: the names of this view's own codes (its places' names come with PlaceColumns).
  @ViewColumn({ name: 'programme_name_zh' }) programmeNameZh!: string | null;
  @ViewColumn({ name: 'programme_name_en' }) programmeNameEn!: string | null;
  @ViewColumn({ name: 'borrower_group_name_zh' }) borrowerGroupNameZh!: string | null;
  @ViewColumn({ name: 'borrower_group_name_en' }) borrowerGroupNameEn!: string | null;
}
