/**
 * One row per loan, for listing them by org unit (the household's village): programme, borrower group,
 * principal and outstanding in fen, status. Nothing personal: a default's reason stays in the stream.
 * The household's village comes from its own map (`household_villages`), learnt from HouseholdEnrolled.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { householdVillagesDdl } from '../shared/household-villages';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';

export const loanRegisterReadModel: ReadModelDefinition = {
  name: 'loan-register',
  // 2: the household index, for `GET /loans?householdId=` (a household page's loans).
  // 3: a row keeps the whole log position of its last event (last_commit, last_prepare), not the commit alone:
  //    on EventStoreDB the events of one append (a final repayment's LoanRepaymentRecorded and LoanRepaid) share a commit.
  version: 3,
  tables: (s) => [
    householdVillagesDdl(s),
    `CREATE TABLE ${s}.loans (
       loan_id         text   PRIMARY KEY,
       household_id    text   NOT NULL,
       ${ORG_UNIT_COLUMNS_DDL},
       programme_code  text   NOT NULL,
       borrower_group  text   NOT NULL,
       principal_fen   bigint NOT NULL,
       outstanding_fen bigint NOT NULL,
       status          text   NOT NULL,
       granted_at      text   NOT NULL,
       last_commit     bigint NOT NULL,
       last_prepare    bigint NOT NULL)`,
    `CREATE INDEX ON ${s}.loans (district_code, loan_id)`,
    `CREATE INDEX ON ${s}.loans (township_code, loan_id)`,
    `CREATE INDEX ON ${s}.loans (household_id, loan_id)`,
  ],
  reportingViews: [],
};
