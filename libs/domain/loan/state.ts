/** What the loan rules need, folded from its events. */
import { BorrowerGroup } from './events';

export interface LoanFacts {
  loanId: string;
  householdId: string;
  programmeCode: string;
  borrowerGroup: BorrowerGroup;
  principalFen: number;
  repaidFen: number;
}

export type NotGrantedLoan = { status: 'NotGranted' };
export type ActiveLoan = { status: 'Active' } & LoanFacts;
export type RepaidLoan = { status: 'Repaid' } & LoanFacts;
/** A defaulted loan can still be recovered: repayments go on being recorded until it is repaid. */
export type DefaultedLoan = { status: 'Defaulted'; defaultReason: string } & LoanFacts;

export type LoanState = NotGrantedLoan | ActiveLoan | RepaidLoan | DefaultedLoan;

export const initialLoanState: LoanState = { status: 'NotGranted' };

export const outstandingFen = (loan: LoanFacts): number => loan.principalFen - loan.repaidFen;
