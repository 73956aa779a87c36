import { LoanEvent } from './events';
import { loanDecider, LoanState, outstandingFen } from './index';
import { BORROWER_ID, closed, defaulted, granted, LOAN_ID, repaid } from './testing/fixtures';

const fold = (events: LoanEvent[]): LoanState => events.reduce(loanDecider.evolve, loanDecider.initialState);
const facts = {
  loanId: LOAN_ID,
  householdId: BORROWER_ID,
  programmeCode: 'womens-micro-loan',
  borrowerGroup: 'woman',
  principalFen: 5_000_000,
};

describe('loan state', () => {
  it('starts as not granted', () => {
    expect(fold([])).toEqual({ status: 'NotGranted' });
  });

  it('adds up repayments on an active loan', () => {
    const state = fold([granted(), repaid(1_000_000, 4_000_000), repaid(500_000, 3_500_000)]);
    expect(state).toEqual({ status: 'Active', ...facts, repaidFen: 1_500_000 });
    expect(state.status === 'Active' && outstandingFen(state)).toBe(3_500_000);
  });

  it('holds a defaulted loan with its reason and goes on counting recoveries', () => {
    expect(fold([granted(), defaulted(5_000_000), repaid(200, 4_999_800)])).toEqual({
      status: 'Defaulted',
      ...facts,
      repaidFen: 200,
      defaultReason: 'no repayment for 12 months',
    });
  });

  it('closes a loan once repaid', () => {
    expect(fold([granted(), repaid(5_000_000, 0), closed])).toEqual({ status: 'Repaid', ...facts, repaidFen: 5_000_000 });
  });

  it('ignores an event that cannot apply to the state it meets', () => {
    expect(fold([repaid(100, 0)])).toEqual({ status: 'NotGranted' });
  });
});
