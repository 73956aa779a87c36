/**
 * Loan commands. GrantLoan also carries `context`: facts the handler looked up elsewhere (the borrowing
 * household's status, read from its own stream), kept apart from `data`, which is what the caller sent.
 */
import { HouseholdState } from '../household/state';
import { Command } from '../shared';
import { BorrowerGroup } from './events';

export interface GrantLoanContext {
  householdStatus: HouseholdState['status'];
}

export type GrantLoan = Command<
  'GrantLoan',
  {
    loanId: string;
    householdId: string;
    borrowerGroup: BorrowerGroup;
    programmeCode: string;
    principalFen: number;
    interestSubsidyBps: number;
    termMonths: number;
    lender: string;
    /** Partners in all, the borrower included, for a loan to a partnership; absent for one borrower. */
    partners?: number;
  }
> & { context: GrantLoanContext };

export type RecordRepayment = Command<'RecordRepayment', { loanId: string; amountFen: number }>;

export type MarkLoanDefaulted = Command<'MarkLoanDefaulted', { loanId: string; reason: string }>;

export type LoanCommand = GrantLoan | RecordRepayment | MarkLoanDefaulted;
