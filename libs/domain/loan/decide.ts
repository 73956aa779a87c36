/** The loan decider: one small decision per command under one exhaustive switch. */
import { DomainError, rule } from '../shared';
import { GrantLoan, LoanCommand, MarkLoanDefaulted, RecordRepayment } from './commands';
import { LoanEvent } from './events';
import { ActiveLoan, DefaultedLoan, LoanState, outstandingFen } from './state';

/** State rules only; reference data and field checks are in ./validate.ts, run first by the Decider in ./index.ts. */
export function decideLoan(command: LoanCommand, state: LoanState): LoanEvent[] {
  switch (command.type) {
    case 'GrantLoan':
      return grant(command, state);
    case 'RecordRepayment':
      return recordRepayment(command, state);
    case 'MarkLoanDefaulted':
      return markDefaulted(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function grant(command: GrantLoan, state: LoanState): LoanEvent[] {
  const { loanId, householdId } = command.data;
  rule(state.status === 'NotGranted', 'loan-already-granted', `loan ${loanId} is already granted`);
  const { householdStatus } = command.context;
  rule(householdStatus !== 'NotEnrolled', 'unknown-household', `unknown household ${householdId}`, 'invalid');
  rule(householdStatus === 'Enrolled', 'household-withdrawn', `household ${householdId} has withdrawn and cannot borrow`);
  // A loan to one borrower carries no `partners` key at all, so its event is shaped as before v2.
  const { partners, ...loan } = command.data;
  return [{ type: 'LoanGranted', data: partners === undefined ? loan : { ...loan, partners } }];
}

/** The repayment that clears the loan closes it in the same decision, so no loan is left at zero outstanding. */
function recordRepayment(command: RecordRepayment, state: LoanState): LoanEvent[] {
  const { loanId, amountFen } = command.data;
  const loan = requireOpen(state, loanId);
  const outstanding = outstandingFen(loan);
  rule(
    amountFen <= outstanding,
    'repayment-exceeds-outstanding',
    `repayment of ${amountFen} fen exceeds the ${outstanding} fen outstanding on loan ${loanId}`,
  );
  const { householdId, principalFen } = loan;
  const recorded: LoanEvent = {
    type: 'LoanRepaymentRecorded',
    data: { loanId, householdId, amountFen, outstandingFen: outstanding - amountFen },
  };
  return amountFen < outstanding ? [recorded] : [recorded, { type: 'LoanRepaid', data: { loanId, householdId, principalFen } }];
}

function markDefaulted(command: MarkLoanDefaulted, state: LoanState): LoanEvent[] {
  const { loanId, reason } = command.data;
  const loan = requireOpen(state, loanId);
  rule(loan.status === 'Active', 'loan-already-defaulted', `loan ${loanId} is already marked defaulted`);
  return [{ type: 'LoanDefaulted', data: { loanId, householdId: loan.householdId, outstandingFen: outstandingFen(loan), reason } }];
}

/** The loan exists, is the one the command names, and still has money outstanding. */
function requireOpen(state: LoanState, loanId: string): ActiveLoan | DefaultedLoan {
  if (state.status === 'NotGranted') throw new DomainError('loan-not-granted', `loan ${loanId} was never granted`, 'not-found');
  rule(state.loanId === loanId, 'loan-mismatch', `command for loan ${loanId} reached loan ${state.loanId}`, 'invalid');
  rule(state.status !== 'Repaid', 'loan-repaid', `loan ${loanId} is fully repaid and closed`);
  return state;
}
