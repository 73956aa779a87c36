/**
 * Loan events. The `type` strings are stored names: frozen (see ../event-types.unit.spec.ts).
 * Money is integer fen, and the field names say so.
 */
import { DomainEvent } from '../shared';

export const BORROWER_GROUPS = ['woman', 'youth'] as const;
export type BorrowerGroup = (typeof BORROWER_GROUPS)[number];

export type LoanGranted = DomainEvent<
  'LoanGranted',
  {
    loanId: string;
    householdId: string;
    borrowerGroup: BorrowerGroup;
    programmeCode: string;
    principalFen: number;
    /** Interest subsidised by the programme, in basis points a year (700 = 7.00 %). */
    interestSubsidyBps: number;
    termMonths: number;
    /** The lending bank or credit cooperative, an organisation rather than a person. */
    lender: string;
    /**
     * People borrowing together when the loan goes to a partnership or cooperative the household's borrower
     * leads (2 or more); absent for a loan to one borrower, as in every event before loan-programmes.v2.
     */
    partners?: number;
  }
>;

/** `outstandingFen` is what remains after this repayment, so read models need not fold the loan. */
export type LoanRepaymentRecorded = DomainEvent<
  'LoanRepaymentRecorded',
  { loanId: string; householdId: string; amountFen: number; outstandingFen: number }
>;

/** Emitted by the same decision as the repayment that brings the outstanding amount to zero. */
export type LoanRepaid = DomainEvent<'LoanRepaid', { loanId: string; householdId: string; principalFen: number }>;

export type LoanDefaulted = DomainEvent<'LoanDefaulted', { loanId: string; householdId: string; outstandingFen: number; reason: string }>;

export type LoanEvent = LoanGranted | LoanRepaymentRecorded | LoanRepaid | LoanDefaulted;
