import fc from 'fast-check';
import { DomainError } from '../shared';
import { LoanEvent } from './events';
import { loanDecider, LoanState } from './index';
import { grant, repay } from './testing/fixtures';

describe('repayment properties', () => {
  it('never lets the outstanding amount go below zero and closes the loan exactly when it reaches zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8_000_000 }),
        fc.array(fc.integer({ min: 1, max: 3_000_000 }), { maxLength: 30 }),
        (principalFen, amounts) => {
          let state: LoanState = loanDecider.initialState;
          const apply = (events: LoanEvent[]) => (state = events.reduce(loanDecider.evolve, state));
          apply(loanDecider.decide(grant({ principalFen }), state));
          let outstanding = principalFen;
          for (const amount of amounts) {
            try {
              const events = loanDecider.decide(repay(amount), state);
              outstanding -= amount;
              expect(events[0]).toMatchObject({ type: 'LoanRepaymentRecorded', data: { amountFen: amount, outstandingFen: outstanding } });
              expect(events.map((e) => e.type)).toEqual(
                outstanding === 0 ? ['LoanRepaymentRecorded', 'LoanRepaid'] : ['LoanRepaymentRecorded'],
              );
              apply(events);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(outstanding === 0 ? 'loan-repaid' : 'repayment-exceeds-outstanding');
              expect(amount > outstanding).toBe(true);
            }
            expect(outstanding).toBeGreaterThanOrEqual(0);
            expect(state.status).toBe(outstanding === 0 ? 'Repaid' : 'Active');
          }
        },
      ),
    );
  });
});
