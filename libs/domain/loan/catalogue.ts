/**
 * Every stored loan event type, with the paths of its fields that hold personal data. None do: the
 * borrower is named by household id only, and the lender is an organisation.
 * Keyed by the event union, so adding an event without an entry here does not compile.
 */
import { LoanEvent } from './events';

export const LOAN_EVENT_CATALOGUE: { readonly [Type in LoanEvent['type']]: { readonly personalFields: readonly string[] } } = {
  LoanGranted: { personalFields: [] },
  LoanRepaymentRecorded: { personalFields: [] },
  LoanRepaid: { personalFields: [] },
  // The reason may describe the borrower's circumstances (illness, a death in the family).
  LoanDefaulted: { personalFields: ['reason'] },
};
