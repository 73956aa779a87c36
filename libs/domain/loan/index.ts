/**
 * The loan aggregate (`loan-<id>`). `createLoanDecider(reference)` checks each command against the loan
 * programmes and field rules (./validate.ts), then the state rules (./decide.ts).
 */
import { referenceData } from '../../reference-data';
import { ReferenceData } from '../../reference-data/reference-data';
import { Decider } from '../shared';
import { LoanCommand } from './commands';
import { decideLoan } from './decide';
import { LoanEvent } from './events';
import { evolveLoan } from './evolve';
import { initialLoanState, LoanState } from './state';
import { validateLoanCommand } from './validate';

export * from './caps';
export * from './catalogue';
export * from './commands';
export * from './events';
export * from './state';
export { validateLoanCommand } from './validate';

export const LOAN_STREAM_CATEGORY = 'loan';
export const loanStream = (loanId: string) => `${LOAN_STREAM_CATEGORY}-${loanId}`;

export function createLoanDecider(reference: ReferenceData): Decider<LoanCommand, LoanEvent, LoanState> {
  return {
    decide(command, state) {
      validateLoanCommand(command, reference);
      return decideLoan(command, state);
    },
    evolve: evolveLoan,
    initialState: initialLoanState,
    startedBy: ['GrantLoan'],
  };
}

/** Against the reference data shipped with the project. */
export const loanDecider = createLoanDecider(referenceData);
