/** The loan book's shapes: what the book (loan-book.ts) and its renewals (loan-renewals.ts) plan. */
import { BorrowerGroup } from '../domain/loan/events';
import { ReferenceData } from '../reference-data/reference-data';

export interface LoanPlan {
  loanId: string;
  householdIndex: number;
  householdId: string;
  group: BorrowerGroup;
  programmeCode: string;
  principalFen: number;
  /** Partners in all for a loan to a partnership; undefined for a loan to one borrower. */
  partners?: number;
  termMonths: number;
  interestSubsidyBps: number;
  lender: string;
  grantMonth: number;
  /** Installments paid before the borrower stops paying; undefined for a loan repaid on schedule. */
  paidBeforeDefault?: number;
}

export interface LoanBookInputs {
  seed: number;
  /** The plan's first cohort over the full-size one (70,200): the book scales with it. */
  scale: number;
  /** Households over all cohorts. */
  households: number;
  /** The first year's cohort (households 0 .. firstCohort - 1), of which the borrowers are. */
  firstCohort: number;
  months: number;
  reference: ReferenceData;
  enrolMonthOf(index: number): number;
}

/** Each borrowing household's loans, first to last (by household index). */
export type LoanBook = Map<number, LoanPlan[]>;
