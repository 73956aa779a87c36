/**
 * Writes the loan register (see loan-register.tables.ts). A batch loads the village paths and loan rows it
 * names, folds its events over them in memory (`foldLoanRegister`, pure) and upserts what changed. A loan
 * row moves only for an event later in the log than its last one, so an event delivered twice changes nothing.
 * "Later" compares the whole position (commit, then prepare): on EventStoreDB the events of one append (a
 * final repayment's LoanRepaymentRecorded and LoanRepaid) share a commit and differ in prepare.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled } from '@libs/domain/household';
import { LoanEvent } from '@libs/domain/loan/events';
import { BulkColumn, columnsOf, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';

type Handled = HouseholdEnrolled | LoanEvent;
import { HouseholdVillages } from '../shared/household-villages';
import { loanRegisterReadModel } from './loan-register.tables';
import { MOVED_AT_COLUMNS, MOVED_AT_NAMES, movedAt, MovedAt, movesRow } from '../shared/moved-at';

export interface LoanRow extends MovedAt {
  loan_id: string;
  household_id: string;
  village_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
  programme_code: string;
  borrower_group: string;
  principal_fen: bigint;
  outstanding_fen: bigint;
  status: 'active' | 'repaid' | 'defaulted';
  granted_at: string;
}

const COLUMNS: BulkColumn[] = [
  ...columnsOf(
    'text',
    'loan_id',
    'household_id',
    'village_code',
    'township_code',
    'district_code',
    'city_code',
    'programme_code',
    'borrower_group',
  ),
  ...columnsOf('bigint', 'principal_fen', 'outstanding_fen'),
  ...columnsOf('text', 'status', 'granted_at'),
  ...MOVED_AT_COLUMNS,
];
const UPDATED = ['outstanding_fen', 'status', ...MOVED_AT_NAMES];

type Moved = Pick<LoanRow, 'outstanding_fen' | 'status'>;

/** How each later event moves an active loan; undefined when it does not apply. */
const TRANSITIONS: Record<
  Exclude<LoanEvent['type'], 'LoanGranted'>,
  (row: Moved, data: { loanId: string; outstandingFen?: number }) => Moved | undefined
> = {
  LoanRepaymentRecorded: (row, data) =>
    row.status === 'active' ? { ...row, outstanding_fen: BigInt(data.outstandingFen ?? 0) } : undefined,
  LoanRepaid: (row) => (row.status === 'active' ? { status: 'repaid', outstanding_fen: 0n } : undefined),
  LoanDefaulted: (row, data) =>
    row.status === 'active' ? { status: 'defaulted', outstanding_fen: BigInt(data.outstandingFen ?? 0) } : undefined,
};

/** Pure but for `villages` learning enrolments: folds `events` over `loans` (updated in place); returns what to write. */
export function foldLoanRegister(
  loans: Map<string, LoanRow>,
  villages: HouseholdVillages,
  events: readonly RecordedOf<Handled>[],
): RowChanges<LoanRow> {
  const changes = new RowChanges<LoanRow>(COLUMNS, (row) => COLUMNS.map((c) => row[c.name as keyof LoanRow]));
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') {
      villages.remember(event);
      continue;
    }
    const old = loans.get(event.data.loanId);
    let next: LoanRow | undefined;
    if (event.type === 'LoanGranted') {
      if (!old) next = grantedRow(event, villages);
    } else if (old && movesRow(old, event.position)) {
      const moved = TRANSITIONS[event.type](old, event.data);
      if (moved) next = { ...old, ...moved, ...movedAt(event.position) };
    }
    if (!next) continue;
    loans.set(next.loan_id, next);
    changes.set(next.loan_id, next);
  }
  return changes;
}

function grantedRow(event: RecordedOf<Extract<LoanEvent, { type: 'LoanGranted' }>>, villages: HouseholdVillages): LoanRow {
  const { data } = event;
  const [village_code, township_code, district_code, city_code] = villages.pathOf(data.householdId);
  return {
    loan_id: data.loanId,
    household_id: data.householdId,
    village_code,
    township_code,
    district_code,
    city_code,
    programme_code: data.programmeCode,
    borrower_group: data.borrowerGroup,
    principal_fen: BigInt(data.principalFen),
    outstanding_fen: BigInt(data.principalFen),
    status: 'active',
    granted_at: event.metadata.occurredAt,
    ...movedAt(event.position),
  };
}

export const loanRegisterProjection: Projection<Handled> = {
  ...loanRegisterReadModel,
  bulkWritten: true,
  handles: ['HouseholdEnrolled', 'LoanGranted', 'LoanRepaymentRecorded', 'LoanRepaid', 'LoanDefaulted'],
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const villages = await HouseholdVillages.load(tx, s, events);
    const ids = events.flatMap((e) => (e.type === 'HouseholdEnrolled' ? [] : [e.data.loanId]));
    const loaded = await selectByKeys<Record<keyof LoanRow, string>>(tx, `${s}.loans`, 'loan_id', ids);
    const loans = new Map(
      loaded.map((row) => [
        row.loan_id,
        {
          ...row,
          principal_fen: BigInt(row.principal_fen),
          outstanding_fen: BigInt(row.outstanding_fen),
          last_commit: BigInt(row.last_commit),
          last_prepare: BigInt(row.last_prepare),
        } as LoanRow,
      ]),
    );
    const changes = foldLoanRegister(loans, villages, events);
    await villages.save(tx, s);
    await changes.write(tx, `${s}.loans`, 'loan_id', UPDATED);
  },
};
