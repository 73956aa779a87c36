import { randomUUID } from 'node:crypto';
import { applyEvents, householdEnrolled, loanGranted, loanRepaid, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { loanPortfolioProjection as projection } from './loan-portfolio.projection';

const VILLAGE = '640181002003';
const enrolled = (householdId: string) => householdEnrolled(householdId, VILLAGE);
const row = (counts: Partial<Record<string, number>>) => ({
  village_code: VILLAGE,
  township_code: '640181002',
  district_code: '640181',
  city_code: '640100',
  programme_code: 'womens-micro-loan',
  borrower_group: 'woman',
  period: 201207,
  granted: 0,
  principal_fen: '0',
  repaid_fen: '0',
  outstanding_fen: '0',
  repaid_loans: 0,
  defaulted_loans: 0,
  defaulted_fen: '0',
  ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, k.endsWith('_fen') ? String(v) : v])),
});

describe('loan portfolio projection', () => {
  const db = databasePerTest();

  it('follows loans from grant through repayments to repaid or defaulted, in fen', async () => {
    const [h, l1, l2, l3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [
      enrolled(h),
      loanGranted(h, l1, 5_000_000),
      loanGranted(h, l2, 3_000_000),
      loanGranted(h, l3, 1_000_000),
      loanRepaid(h, l1, 2_000_000, 3_000_000),
      loanRepaid(h, l1, 3_000_000, 0),
      recorded('LoanRepaid', { loanId: l1, householdId: h, principalFen: 5_000_000 }),
      loanRepaid(h, l2, 500_000, 2_500_000),
      recorded('LoanDefaulted', { loanId: l2, householdId: h, outstandingFen: 2_500_000, reason: 'business failed' }),
    ]);
    expect(await tableRows(db.dataSource, projection, 'loan_counts')).toEqual([
      row({
        granted: 3,
        principal_fen: 9_000_000,
        repaid_fen: 5_500_000,
        outstanding_fen: 1_000_000,
        repaid_loans: 1,
        defaulted_loans: 1,
        defaulted_fen: 2_500_000,
      }),
    ]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const [h, l] = [randomUUID(), randomUUID()];
    const events = [enrolled(h), loanGranted(h, l, 1_000_000), loanRepaid(h, l, 400_000, 600_000)];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    expect(await tableRows(db.dataSource, projection, 'loan_counts')).toEqual([
      row({ granted: 1, principal_fen: 1_000_000, repaid_fen: 400_000, outstanding_fen: 600_000 }),
    ]);
  });

  it('keeps principal outstanding as a stock by local day, and delivered twice changes nothing', async () => {
    const [h, l] = [randomUUID(), randomUUID()];
    const events = [
      enrolled(h),
      loanGranted(h, l, 1_000_000),
      recorded(
        'LoanRepaymentRecorded',
        { loanId: l, householdId: h, amountFen: 400_000, outstandingFen: 600_000 },
        '2012-12-31T16:30:00.000Z',
      ),
      recorded(
        'LoanDefaulted',
        { loanId: l, householdId: h, outstandingFen: 600_000, reason: 'business failed' },
        '2013-05-01T02:00:00.000Z',
      ),
    ];
    const stock = (day: number, outstanding: number, active: number) => ({
      village_code: VILLAGE,
      township_code: '640181002',
      district_code: '640181',
      city_code: '640100',
      programme_code: 'womens-micro-loan',
      borrower_group: 'woman',
      day,
      outstanding_fen: String(outstanding),
      active_loans: String(active),
    });
    const expected = [stock(20120701, 1_000_000, 1), stock(20130101, -400_000, 0), stock(20130501, -600_000, -1)];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    expect(await tableRows(db.dataSource, projection, 'loan_stock_changes')).toEqual(expected);
  });
});
