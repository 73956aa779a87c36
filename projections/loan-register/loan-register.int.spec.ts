import { randomUUID } from 'node:crypto';
import { databasePerTest } from '../shared/testing/database-per-test';
import {
  activeSchema,
  applyEvents,
  householdEnrolled,
  loanGranted as granted,
  loanRepaid as repayment,
  recorded,
  tableRows,
} from '../shared/testing/harness';
import { loanRegisterProjection as projection } from './loan-register.projection';
import { listLoans } from './loan-register.query';

const enrolled = (householdId: string, villageCode = '640181002003') => householdEnrolled(householdId, villageCode);
const row = (loanId: string, householdId: string, changes: Record<string, unknown>) => ({
  loan_id: loanId,
  household_id: householdId,
  village_code: '640181002003',
  township_code: '640181002',
  district_code: '640181',
  city_code: '640100',
  programme_code: 'womens-micro-loan',
  borrower_group: 'woman',
  granted_at: '2012-07-01T00:00:00.000Z',
  last_commit: expect.any(String),
  last_prepare: expect.any(String),
  ...changes,
});
const sorted = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.loan_id).localeCompare(String(b.loan_id)));

describe('loan register projection', () => {
  const db = databasePerTest(projection);

  it('follows loans from grant through repayments to repaid or defaulted, keeping no default reason', async () => {
    const [h, l1, l2, l3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [
      enrolled(h),
      granted(h, l1, 5_000_000),
      granted(h, l2, 3_000_000),
      granted(h, l3, 1_000_000),
      repayment(h, l1, 5_000_000, 0),
      recorded('LoanRepaid', { loanId: l1, householdId: h, principalFen: 5_000_000 }),
      repayment(h, l2, 500_000, 2_500_000),
      recorded('LoanDefaulted', { loanId: l2, householdId: h, outstandingFen: 2_500_000, reason: 'secret illness' }),
    ]);
    const rows = await tableRows(db.dataSource, projection, 'loans');
    expect(sorted(rows)).toEqual(
      sorted([
        row(l1, h, { principal_fen: '5000000', outstanding_fen: '0', status: 'repaid' }),
        row(l2, h, { principal_fen: '3000000', outstanding_fen: '2500000', status: 'defaulted' }),
        row(l3, h, { principal_fen: '1000000', outstanding_fen: '1000000', status: 'active' }),
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain('secret');
  });

  it('changes nothing when every event is delivered twice, in one batch or in later ones', async () => {
    const [h, l] = [randomUUID(), randomUUID()];
    const events = [enrolled(h), granted(h, l, 1_000_000), repayment(h, l, 400_000, 600_000), repayment(h, l, 100_000, 500_000)];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    const once = await tableRows(db.dataSource, projection, 'loans');
    await applyEvents(db.dataSource, projection, events, { oneByOne: true });
    expect(await tableRows(db.dataSource, projection, 'loans')).toEqual(once);
    expect(once).toEqual([row(l, h, { principal_fen: '1000000', outstanding_fen: '500000', status: 'active' })]);
  });

  it('lists the loans of households under an org unit, page after page in id order', async () => {
    const [h, elsewhere] = [randomUUID(), randomUUID()];
    const loans = Array.from({ length: 4 }, () => randomUUID()).sort();
    await applyEvents(db.dataSource, projection, [
      enrolled(h),
      enrolled(elsewhere, '640105001001'),
      ...loans.map((l) => granted(h, l, 100)),
      granted(elsewhere, randomUUID(), 100),
    ]);
    const schema = await activeSchema(db.dataSource, projection);
    const first = await listLoans(db.dataSource, schema, { ou: '640181', limit: 2 });
    const rest = await listLoans(db.dataSource, schema, { ou: '640181002003', afterId: first[1].loanId, limit: 5 });
    expect([...first, ...rest].map((l) => l.loanId)).toEqual(loans);
    expect(first[0]).toMatchObject({ householdId: h, principalFen: 100, outstandingFen: 100, status: 'active' });
  });

  it("lists one household's loans, and none of it outside the org unit asked", async () => {
    const [h, neighbour] = [randomUUID(), randomUUID()];
    const mine = [randomUUID(), randomUUID()].sort();
    await applyEvents(db.dataSource, projection, [
      enrolled(h),
      enrolled(neighbour),
      ...mine.map((l) => granted(h, l, 300)),
      granted(neighbour, randomUUID(), 100),
    ]);
    const schema = await activeSchema(db.dataSource, projection);
    const listed = await listLoans(db.dataSource, schema, { householdId: h, limit: 10 });
    expect(listed.map((l) => [l.loanId, l.householdId])).toEqual(mine.map((l) => [l, h]));
    expect(await listLoans(db.dataSource, schema, { ou: '640181', householdId: h, limit: 10 })).toHaveLength(2);
    expect(await listLoans(db.dataSource, schema, { ou: '640105', householdId: h, limit: 10 })).toEqual([]);
  });
});
