import { HouseholdVillages } from '../shared/household-villages';
import { atPosition as at, householdEnrolled, loanGranted, loanRepaid, recorded } from '../shared/testing/harness';
import { foldLoanRegister, LoanRow } from './loan-register.projection';

const VILLAGE = '640181002003';
/** No household is loaded (no I/O): the batch's own HouseholdEnrolled teaches its village. */
const noVillages = () => HouseholdVillages.load(undefined as never, 'unused', []);

describe('loan register fold (no database)', () => {
  /** The final repayment's one append: on EventStoreDB/KurrentDB its two events share the commit position. */
  const finalRepayment = (h: string, l: string) => [
    at(recorded('LoanRepaymentRecorded', { loanId: l, householdId: h, amountFen: 1_000_000, outstandingFen: 0 }), 300n, 300n),
    at(recorded('LoanRepaid', { loanId: l, householdId: h, principalFen: 1_000_000 }), 300n, 340n),
  ];

  it.each([
    ['in one batch', (events: ReturnType<typeof finalRepayment>) => [events]],
    ['in two batches', (events: ReturnType<typeof finalRepayment>) => events.map((e) => [e])],
  ])('shows repaid a loan closed by one append whose events share a commit position (%s)', async (_how, batches) => {
    const villages = await noVillages();
    const loans = new Map<string, LoanRow>();
    foldLoanRegister(loans, villages, [
      at(householdEnrolled('h1', VILLAGE), 100n, 100n),
      at(loanGranted('h1', 'l1', 1_000_000), 200n, 200n),
    ]);
    for (const batch of batches(finalRepayment('h1', 'l1'))) foldLoanRegister(loans, villages, batch);
    expect(loans.get('l1')).toMatchObject({ status: 'repaid', outstanding_fen: 0n });
  });

  it('changes nothing when the events of that append are delivered again, in any order', async () => {
    const villages = await noVillages();
    const loans = new Map<string, LoanRow>();
    const grant = at(loanGranted('h2', 'l2', 1_000_000), 200n, 200n);
    const [repayment, repaid] = finalRepayment('h2', 'l2');
    foldLoanRegister(loans, villages, [at(householdEnrolled('h2', VILLAGE), 100n, 100n), grant, repayment, repaid]);
    const before = loans.get('l2');
    expect(foldLoanRegister(loans, villages, [repaid, repayment, grant, repayment]).size).toBe(0);
    expect(loans.get('l2')).toBe(before);
  });

  it('still skips an event earlier in the log than the loan row (same commit, lower prepare)', async () => {
    const villages = await noVillages();
    const loans = new Map<string, LoanRow>();
    foldLoanRegister(loans, villages, [
      at(householdEnrolled('h3', VILLAGE), 100n, 100n),
      at(loanGranted('h3', 'l3', 1_000_000), 200n, 200n),
      at(loanRepaid('h3', 'l3', 400_000, 600_000), 300n, 340n),
    ]);
    expect(foldLoanRegister(loans, villages, [at(loanRepaid('h3', 'l3', 100_000, 900_000), 300n, 300n)]).size).toBe(0);
    expect(loans.get('l3')).toMatchObject({ status: 'active', outstanding_fen: 600_000n });
  });
});
