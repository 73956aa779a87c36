/**
 * Writes the loan portfolio (see loan-portfolio.tables.ts): a granted loan counts in its borrower's
 * village, programme, borrower group and month; repayments move fen from outstanding to repaid; repaid and
 * defaulted loans close. A loan moves only for an event later in the log than its row's last one (the whole
 * position, commit then prepare: the events of one append share a commit on EventStoreDB), and only while active.
 * A batch loads the loans and households it names, folds its events (`foldLoans`, pure), writes in three statements.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled } from '@libs/domain/household';
import { LoanEvent, LoanGranted, LoanRepaymentRecorded } from '@libs/domain/loan/events';
import { localDayOf } from '@libs/calendar';
import { Position } from '@libs/event-store/position';
import { monthOf } from '@libs/periods';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { HouseholdVillages, OrgPath } from '../shared/household-villages';
import { loanPortfolioReadModel } from './loan-portfolio.tables';
import { MOVED_AT_COLUMNS, MOVED_AT_NAMES, MovedAt, movedAt, movesRow } from '../shared/moved-at';

type Handled = HouseholdEnrolled | LoanEvent;

export interface LoanRow extends MovedAt {
  loan_id: string;
  path: OrgPath;
  programme_code: string;
  borrower_group: string;
  period: number;
  principal_fen: number;
  outstanding_fen: number;
  status: 'active' | 'repaid' | 'defaulted';
}

const LOAN_COLUMNS: BulkColumn[] = [
  ...columnsOf('text', 'loan_id', 'village_code', 'township_code', 'district_code', 'city_code', 'programme_code', 'borrower_group'),
  { name: 'period', type: 'int' },
  ...columnsOf('bigint', 'principal_fen', 'outstanding_fen'),
  { name: 'status', type: 'text' },
  ...MOVED_AT_COLUMNS,
];
const COUNT_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'programme_code', 'borrower_group'),
  { name: 'period', type: 'int' },
];
const COUNTS = ['granted', 'principal_fen', 'repaid_fen', 'outstanding_fen', 'repaid_loans', 'defaulted_loans', 'defaulted_fen'];

/** The stocks (principal outstanding, loans active) as their changes by the local day they happened. */
const STOCK_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'programme_code', 'borrower_group'),
  { name: 'day', type: 'int' },
];
const STOCK_COUNTS = ['outstanding_fen', 'active_loans'];

type Change = { row: Pick<LoanRow, 'outstanding_fen' | 'status'>; deltas: Record<string, number> };

/** How an event moves an active loan: its new outstanding and status, and the count deltas. */
const CHANGES: Record<
  Exclude<LoanEvent['type'], 'LoanGranted'>,
  (loan: LoanRow, data: Partial<LoanRepaymentRecorded['data']>) => Change
> = {
  LoanRepaymentRecorded: (l, { outstandingFen = l.outstanding_fen }) => ({
    row: { outstanding_fen: outstandingFen, status: 'active' },
    deltas: { repaid_fen: l.outstanding_fen - outstandingFen, outstanding_fen: outstandingFen - l.outstanding_fen },
  }),
  LoanRepaid: (l) => ({
    row: { outstanding_fen: 0, status: 'repaid' },
    deltas: { repaid_loans: 1, outstanding_fen: -l.outstanding_fen, repaid_fen: l.outstanding_fen },
  }),
  LoanDefaulted: (l) => ({
    row: { outstanding_fen: 0, status: 'defaulted' },
    deltas: { defaulted_loans: 1, defaulted_fen: l.outstanding_fen, outstanding_fen: -l.outstanding_fen },
  }),
};

const loanKey = (l: LoanRow) => [...l.path, l.programme_code, l.borrower_group, l.period];
const stockKey = (l: LoanRow, occurredAt: string) => [...l.path, l.programme_code, l.borrower_group, localDayOf(occurredAt)];

/** Pure: folds `events` over the loans they name (`loans`, updated in place) and the households' paths. */
export function foldLoans(loans: Map<string, LoanRow>, villages: HouseholdVillages, events: readonly RecordedOf<Handled>[]) {
  const rows = new RowChanges<LoanRow>(LOAN_COLUMNS, (l) => [
    l.loan_id,
    ...l.path,
    l.programme_code,
    l.borrower_group,
    l.period,
    l.principal_fen,
    l.outstanding_fen,
    l.status,
    l.last_commit,
    l.last_prepare,
  ]);
  const deltas = new CountDeltas(COUNT_KEY, COUNTS);
  const stock = new CountDeltas(STOCK_KEY, STOCK_COUNTS);
  const keep = (loan: LoanRow) => (loans.set(loan.loan_id, loan), rows.set(loan.loan_id, loan));
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') villages.remember(event);
    else if (event.type === 'LoanGranted') {
      const data = event.data;
      const path = villages.pathOf(data.householdId);
      if (loans.has(data.loanId)) continue;
      const loan = grantedLoan(data, path, monthOf(event.metadata.occurredAt), event.position);
      keep(loan);
      deltas.add(loanKey(loan), { granted: 1, principal_fen: loan.principal_fen, outstanding_fen: loan.principal_fen });
      stock.add(stockKey(loan, event.metadata.occurredAt), { outstanding_fen: loan.principal_fen, active_loans: 1 });
    } else {
      const loan = loans.get(event.data.loanId);
      if (!loan || loan.status !== 'active' || !movesRow(loan, event.position)) continue;
      const change = CHANGES[event.type](loan, event.data);
      keep({ ...loan, ...change.row, ...movedAt(event.position) });
      deltas.add(loanKey(loan), change.deltas);
      stock.add(stockKey(loan, event.metadata.occurredAt), {
        outstanding_fen: change.deltas.outstanding_fen,
        active_loans: change.row.status === 'active' ? 0 : -1,
      });
    }
  }
  return { rows, deltas, stock };
}

function grantedLoan(data: LoanGranted['data'], path: OrgPath, period: number, at: Position): LoanRow {
  return {
    loan_id: data.loanId,
    path,
    programme_code: data.programmeCode,
    borrower_group: data.borrowerGroup,
    period,
    principal_fen: data.principalFen,
    outstanding_fen: data.principalFen,
    status: 'active',
    ...movedAt(at),
  };
}

interface StoredLoan {
  loan_id: string;
  village_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
  programme_code: string;
  borrower_group: string;
  period: number;
  principal_fen: string;
  outstanding_fen: string;
  status: LoanRow['status'];
  last_commit: string;
  last_prepare: string;
}

async function loadLoans(tx: EntityManager, s: string, events: readonly RecordedOf<Handled>[]): Promise<Map<string, LoanRow>> {
  const ids = events.flatMap((e) => (e.type === 'HouseholdEnrolled' ? [] : [e.data.loanId]));
  const stored = await selectByKeys<StoredLoan>(tx, `${s}.loans`, 'loan_id', ids);
  return new Map(
    stored.map((l) => [
      l.loan_id,
      {
        loan_id: l.loan_id,
        path: [l.village_code, l.township_code, l.district_code, l.city_code],
        programme_code: l.programme_code,
        borrower_group: l.borrower_group,
        period: l.period,
        principal_fen: Number(l.principal_fen),
        outstanding_fen: Number(l.outstanding_fen),
        status: l.status,
        last_commit: BigInt(l.last_commit),
        last_prepare: BigInt(l.last_prepare),
      },
    ]),
  );
}

export const loanPortfolioProjection: Projection<Handled> = {
  ...loanPortfolioReadModel,
  bulkWritten: true,
  handles: ['HouseholdEnrolled', 'LoanGranted', 'LoanRepaymentRecorded', 'LoanRepaid', 'LoanDefaulted'],
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const villages = await HouseholdVillages.load(tx, s, events);
    const { rows, deltas, stock } = foldLoans(await loadLoans(tx, s, events), villages, events);
    await villages.save(tx, s);
    await rows.write(tx, `${s}.loans`, 'loan_id', ['outstanding_fen', 'status', ...MOVED_AT_NAMES]);
    await deltas.write(tx, `${s}.loan_counts`, ['village_code', 'programme_code', 'borrower_group', 'period'], 'bigint');
    await stock.write(tx, `${s}.loan_stock_changes`, ['village_code', 'programme_code', 'borrower_group', 'day'], 'bigint');
  },
};
