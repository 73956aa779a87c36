import { HouseholdVillages } from '../shared/household-villages';
import { atPosition as at, householdEnrolled, loanGranted, loanRepaid, recorded } from '../shared/testing/harness';
import { foldLoans, LoanRow } from './loan-portfolio.projection';

const VILLAGE = '640181002003';
const key = [VILLAGE, '640181002', '640181', '640100', 'womens-micro-loan', 'woman'];
/** No household is loaded (no I/O): the batch's own HouseholdEnrolled teaches its village. */
const noVillages = () => HouseholdVillages.load(undefined as never, 'unused', []);

describe('loan portfolio fold (no database)', () => {
  /**
   * The final repayment appends [LoanRepaymentRecorded, LoanRepaid] at once: on EventStoreDB/KurrentDB both
   * events share the commit position and differ only in prepare.
   */
  const finalRepayment = (h: string, l: string) => [
    at(
      recorded('LoanRepaymentRecorded', { loanId: l, householdId: h, amountFen: 1_000_000, outstandingFen: 0 }, '2013-01-10T02:00:00.000Z'),
      300n,
      300n,
    ),
    at(recorded('LoanRepaid', { loanId: l, householdId: h, principalFen: 1_000_000 }, '2013-01-10T02:00:00.000Z'), 300n, 340n),
  ];

  it.each([
    ['in one batch', (events: ReturnType<typeof finalRepayment>) => [events]],
    ['in two batches', (events: ReturnType<typeof finalRepayment>) => events.map((e) => [e])],
  ])('closes a loan repaid by one append whose events share a commit position (%s)', async (_how, batches) => {
    const villages = await noVillages();
    const loans = new Map<string, LoanRow>();
    foldLoans(loans, villages, [at(householdEnrolled('h1', VILLAGE), 100n, 100n), at(loanGranted('h1', 'l1', 1_000_000), 200n, 200n)]);
    const counts: number[][] = [];
    const stocks: number[][] = [];
    for (const batch of batches(finalRepayment('h1', 'l1'))) {
      const { deltas, stock } = foldLoans(loans, villages, batch);
      counts.push(...deltas.rows().map((r) => r.slice(key.length + 1) as number[]));
      stocks.push(...stock.rows().map((r) => r.slice(key.length + 1) as number[]));
    }
    const sum = (rows: number[][]) => rows.reduce((a, r) => a.map((v, i) => v + r[i]));
    expect(loans.get('l1')).toMatchObject({ status: 'repaid', outstanding_fen: 0 });
    // granted, principal, repaid, outstanding, repaid loans, defaulted loans, defaulted fen
    expect(sum(counts)).toEqual([0, 0, 1_000_000, -1_000_000, 1, 0, 0]);
    // outstanding, active loans: the loan is no longer active
    expect(sum(stocks)).toEqual([-1_000_000, -1]);
  });

  it('changes nothing when the events of that append are delivered again, in any order', async () => {
    const villages = await noVillages();
    const loans = new Map<string, LoanRow>();
    const grant = at(loanGranted('h2', 'l2', 1_000_000), 200n, 200n);
    const [repayment, repaid] = finalRepayment('h2', 'l2');
    foldLoans(loans, villages, [at(householdEnrolled('h2', VILLAGE), 100n, 100n), grant, repayment, repaid]);
    const again = foldLoans(loans, villages, [repaid, repayment, grant, repayment]);
    expect(again.deltas.rows()).toEqual([]);
    expect(again.stock.rows()).toEqual([]);
    expect(again.rows.size).toBe(0);
  });

  it('still skips an event earlier in the log than the loan row (same commit, lower prepare)', async () => {
    const villages = await noVillages();
    const loans = new Map<string, LoanRow>();
    foldLoans(loans, villages, [
      at(householdEnrolled('h3', VILLAGE), 100n, 100n),
      at(loanGranted('h3', 'l3', 1_000_000), 200n, 200n),
      at(loanRepaid('h3', 'l3', 400_000, 600_000), 300n, 340n),
    ]);
    const late = foldLoans(loans, villages, [at(loanRepaid('h3', 'l3', 100_000, 900_000), 300n, 300n)]);
    expect(late.deltas.rows()).toEqual([]);
    expect(loans.get('l3')).toMatchObject({ status: 'active', outstanding_fen: 600_000 });
  });
});
