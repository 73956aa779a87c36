/** Builders for loan decider specs: valid by default, overridable field by field. */
import { meta } from '../../household/testing/fixtures';
import { GrantLoan, GrantLoanContext, MarkLoanDefaulted, RecordRepayment } from '../commands';
import { LoanEvent } from '../events';

export const LOAN_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
export const BORROWER_ID = '0b7f6c1e-4a2d-4c1b-9e3f-2a1d5c6b7e80';

export const grant = (o: Partial<GrantLoan['data']> = {}, context: GrantLoanContext = { householdStatus: 'Enrolled' }): GrantLoan => ({
  type: 'GrantLoan',
  metadata: meta,
  context,
  data: {
    loanId: LOAN_ID,
    householdId: BORROWER_ID,
    borrowerGroup: 'woman',
    programmeCode: 'womens-micro-loan',
    principalFen: 5_000_000,
    interestSubsidyBps: 615,
    termMonths: 24,
    lender: 'Ningxia Yellow River Rural Commercial Bank',
    ...o,
  },
});

export const repay = (amountFen: number): RecordRepayment => ({
  type: 'RecordRepayment',
  metadata: meta,
  data: { loanId: LOAN_ID, amountFen },
});

export const markDefaulted = (o: Partial<MarkLoanDefaulted['data']> = {}): MarkLoanDefaulted => ({
  type: 'MarkLoanDefaulted',
  metadata: meta,
  data: { loanId: LOAN_ID, reason: 'no repayment for 12 months', ...o },
});

export const granted = (o: Partial<GrantLoan['data']> = {}): LoanEvent => ({ type: 'LoanGranted', data: grant(o).data });

export const repaid = (amountFen: number, outstandingFen: number): LoanEvent => ({
  type: 'LoanRepaymentRecorded',
  data: { loanId: LOAN_ID, householdId: BORROWER_ID, amountFen, outstandingFen },
});

export const defaulted = (outstandingFen: number): LoanEvent => ({
  type: 'LoanDefaulted',
  data: { loanId: LOAN_ID, householdId: BORROWER_ID, outstandingFen, reason: 'no repayment for 12 months' },
});

export const closed: LoanEvent = { type: 'LoanRepaid', data: { loanId: LOAN_ID, householdId: BORROWER_ID, principalFen: 5_000_000 } };
