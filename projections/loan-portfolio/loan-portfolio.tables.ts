/**
 * Loans by programme x borrower group x org unit x month granted: count and principal granted, and what
 * became of it (repaid, outstanding, defaulted), in integer fen. The `loans` row is the guard: a loan moves
 * only for an event later in the log than its last one (the whole position, `last_commit` then
 * `last_prepare`), and only from the status that event leaves.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { householdVillagesDdl } from '../shared/household-villages';
import { withNames } from '../../libs/projection/reporting-names';

export const loanPortfolioReadModel: ReadModelDefinition = {
  name: 'loan-portfolio',
  // 3: periods in the programme calendar (Beijing time), not UTC. 4: loan_stock_changes (outstanding as a stock).
  // 5: the reporting view carries names beside codes (reporting.org_unit_names, reporting.code_names).
  // 6: the loans guard keeps the whole log position (last_commit, last_prepare), not the commit alone: on
  //    EventStoreDB the events of one append (a final repayment's LoanRepaymentRecorded and LoanRepaid) share a commit.
  version: 6,
  tables: (s) => [
    householdVillagesDdl(s),
    `CREATE TABLE ${s}.loans (
       loan_id text PRIMARY KEY, ${ORG_UNIT_COLUMNS_DDL}, programme_code text NOT NULL, borrower_group text NOT NULL,
       period int NOT NULL, principal_fen bigint NOT NULL, outstanding_fen bigint NOT NULL, status text NOT NULL,
       last_commit bigint NOT NULL, last_prepare bigint NOT NULL)`,
    `CREATE TABLE ${s}.loan_counts (
       ${ORG_UNIT_COLUMNS_DDL}, programme_code text NOT NULL, borrower_group text NOT NULL, period int NOT NULL,
       granted int NOT NULL DEFAULT 0, principal_fen bigint NOT NULL DEFAULT 0, repaid_fen bigint NOT NULL DEFAULT 0,
       outstanding_fen bigint NOT NULL DEFAULT 0, repaid_loans int NOT NULL DEFAULT 0, defaulted_loans int NOT NULL DEFAULT 0,
       defaulted_fen bigint NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, programme_code, borrower_group, period))`,
    // Principal outstanding and loans active as their changes by the local day they happened (a stock).
    `CREATE TABLE ${s}.loan_stock_changes (
       ${ORG_UNIT_COLUMNS_DDL}, programme_code text NOT NULL, borrower_group text NOT NULL, day int NOT NULL,
       outstanding_fen bigint NOT NULL DEFAULT 0, active_loans bigint NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, programme_code, borrower_group, day))`,
    ...districtRollupDdl(s, {
      table: 'loan_stock_changes',
      keys: ['programme_code text', 'borrower_group text', 'day int'],
      counts: ['outstanding_fen bigint', 'active_loans bigint'],
    }),
    ...districtRollupDdl(s, {
      table: 'loan_counts',
      keys: ['programme_code text', 'borrower_group text', 'period int'],
      counts: [
        'granted int',
        'principal_fen bigint',
        'repaid_fen bigint',
        'outstanding_fen bigint',
        'repaid_loans int',
        'defaulted_loans int',
        'defaulted_fen bigint',
      ],
    }),
  ],
  reportingViews: [
    {
      name: 'loan_counts',
      select: (s) =>
        withNames(
          `SELECT city_code, district_code, township_code, village_code, programme_code, borrower_group,
        period AS granted_month, granted AS loans_granted, principal_fen AS principal_granted_fen, repaid_fen,
        outstanding_fen, repaid_loans, defaulted_loans, defaulted_fen FROM ${s}.loan_counts`,
          { levels: ['district', 'township', 'village'], codes: { programme_code: 'loan-programme', borrower_group: 'borrower-group' } },
        ),
    },
  ],
};
