/** Writes the loan portfolio (see loan-portfolio.tables.ts). */
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { HouseholdEnrolled } from '@libs/domain/household';
import { LoanDefaulted, LoanGranted, LoanRepaymentRecorded } from '@libs/domain/loan/events';
import { monthOf } from '@libs/periods';
import { Projection } from '@libs/projection/projection';
import { PATH, rememberVillage, UnknownHouseholdError } from '../shared/household-villages';
import { loanPortfolioReadModel } from './loan-portfolio.tables';

/** A change of one active loan: the new outstanding and status, and the count deltas, as SQL over its old row `l`. */
interface LoanChange {
  outstanding: string;
  status: string;
  deltas: { repaid_fen?: string; outstanding_fen?: string; repaid_loans?: string; defaulted_loans?: string; defaulted_fen?: string };
}

const CHANGES: Record<string, LoanChange> = {
  LoanRepaymentRecorded: {
    outstanding: `$3::bigint`, status: `'active'`,
    deltas: { repaid_fen: `l.outstanding_fen - $3::bigint`, outstanding_fen: `$3::bigint - l.outstanding_fen` },
  },
  LoanRepaid: { outstanding: `0`, status: `'repaid'`, deltas: { repaid_loans: `1`, outstanding_fen: `-l.outstanding_fen`, repaid_fen: `l.outstanding_fen` } },
  LoanDefaulted: { outstanding: `0`, status: `'defaulted'`, deltas: { defaulted_loans: `1`, defaulted_fen: `l.outstanding_fen`, outstanding_fen: `-l.outstanding_fen` } },
};

export const loanPortfolioProjection: Projection = {
  ...loanPortfolioReadModel,
  handles: ['HouseholdEnrolled', 'LoanGranted', 'LoanRepaymentRecorded', 'LoanRepaid', 'LoanDefaulted'],
  async apply(event: RecordedEvent, tx: EntityManager, schema: string): Promise<void> {
    if (event.type === 'HouseholdEnrolled') {
      const data = event.data as HouseholdEnrolled['data'];
      return rememberVillage(tx, schema, data.householdId, data.villageCode);
    }
    if (event.type === 'LoanGranted') return grant(tx, schema, event.data as LoanGranted['data'], monthOf(event.metadata.occurredAt), event.position.commit);
    const change = CHANGES[event.type];
    if (!change) return;
    const data = event.data as Partial<LoanRepaymentRecorded['data'] & LoanDefaulted['data']> & { loanId: string };
    await move(tx, schema, change, data.loanId, event.position.commit, event.type === 'LoanRepaymentRecorded' ? data.outstandingFen : undefined);
  },
};

async function grant(tx: EntityManager, s: string, data: LoanGranted['data'], period: number, position: bigint): Promise<void> {
  const known: unknown[] = await tx.query(`SELECT 1 FROM ${s}.household_villages WHERE household_id = $1`, [data.householdId]);
  if (known.length === 0) throw new UnknownHouseholdError(data.householdId);
  await tx.query(
    `WITH g AS (
       INSERT INTO ${s}.loans (loan_id, village_code, township_code, district_code, city_code, programme_code, borrower_group, period, principal_fen, outstanding_fen, status, last_position)
       SELECT $1, ${PATH}, $3, $4, $5, $6, $6, 'active', $7 FROM ${s}.household_villages v WHERE v.household_id = $2
       ON CONFLICT (loan_id) DO NOTHING RETURNING *)
     INSERT INTO ${s}.loan_counts AS c (village_code, township_code, district_code, city_code, programme_code, borrower_group, period, granted, principal_fen, outstanding_fen)
     SELECT village_code, township_code, district_code, city_code, programme_code, borrower_group, period, 1, principal_fen, principal_fen FROM g
     ON CONFLICT (village_code, programme_code, borrower_group, period)
     DO UPDATE SET granted = c.granted + 1, principal_fen = c.principal_fen + EXCLUDED.principal_fen, outstanding_fen = c.outstanding_fen + EXCLUDED.outstanding_fen`,
    [data.loanId, data.householdId, data.programmeCode, data.borrowerGroup, period, data.principalFen, position.toString()],
  );
}

async function move(tx: EntityManager, s: string, change: LoanChange, loanId: string, position: bigint, outstandingFen?: number): Promise<void> {
  const columns = Object.keys(change.deltas) as (keyof LoanChange['deltas'])[];
  await tx.query(
    `WITH l AS (SELECT * FROM ${s}.loans WHERE loan_id = $1 AND last_position < $2 AND status = 'active' FOR UPDATE),
     u AS (UPDATE ${s}.loans x SET outstanding_fen = ${change.outstanding}, status = ${change.status}, last_position = $2 FROM l WHERE x.loan_id = l.loan_id RETURNING 1)
     INSERT INTO ${s}.loan_counts AS c (village_code, township_code, district_code, city_code, programme_code, borrower_group, period, ${columns.join(', ')})
     SELECT l.village_code, l.township_code, l.district_code, l.city_code, l.programme_code, l.borrower_group, l.period, ${columns.map((c) => change.deltas[c]).join(', ')} FROM l
     ON CONFLICT (village_code, programme_code, borrower_group, period)
     DO UPDATE SET ${columns.map((c) => `${c} = c.${c} + EXCLUDED.${c}`).join(', ')}`,
    outstandingFen === undefined ? [loanId, position.toString()] : [loanId, position.toString(), outstandingFen],
  );
}
