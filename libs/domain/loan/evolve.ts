/** Folds loan events into the state the rules need. Total: an event that cannot apply changes nothing. */
import { LoanEvent } from './events';
import { LoanState } from './state';

export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  switch (event.type) {
    case 'LoanGranted': {
      const { loanId, householdId, programmeCode, borrowerGroup, principalFen } = event.data;
      return { status: 'Active', loanId, householdId, programmeCode, borrowerGroup, principalFen, repaidFen: 0 };
    }
    case 'LoanRepaymentRecorded':
      return state.status === 'Active' || state.status === 'Defaulted'
        ? { ...state, repaidFen: state.repaidFen + event.data.amountFen }
        : state;
    case 'LoanRepaid':
      if (state.status !== 'Active' && state.status !== 'Defaulted') return state;
      return { status: 'Repaid', ...facts(state) };
    case 'LoanDefaulted':
      return state.status === 'Active' ? { ...state, status: 'Defaulted', defaultReason: event.data.reason } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function facts({
  loanId,
  householdId,
  programmeCode,
  borrowerGroup,
  principalFen,
  repaidFen,
}: Exclude<LoanState, { status: 'NotGranted' }>) {
  return { loanId, householdId, programmeCode, borrowerGroup, principalFen, repaidFen };
}
