/**
 * One row per enrolled household, for listing them by org unit: where it is, its category and status, and
 * nothing personal (the head's name and contacts stay encrypted in the stream; GET /households/{id} gives
 * them to those who may read them). `last_commit` and `last_prepare` (the whole log position of the row's last
 * event) make every change idempotent: on EventStoreDB the events of one append share a commit.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';

export const householdRegisterReadModel: ReadModelDefinition = {
  name: 'household-register',
  // 2: a row keeps the whole log position of its last event (last_commit, last_prepare), not the commit alone:
  //    on EventStoreDB the events of one append (a household's history from the bulk loader) share a commit.
  version: 2,
  tables: (s) => [
    `CREATE TABLE ${s}.households (
       household_id   text    PRIMARY KEY,
       ${ORG_UNIT_COLUMNS_DDL},
       category       text    NOT NULL,
       status         text    NOT NULL,
       certified      boolean NOT NULL,
       members        int     NOT NULL,
       enrolment_year int     NOT NULL,
       enrolled_at    text    NOT NULL,
       last_commit    bigint  NOT NULL,
       last_prepare   bigint  NOT NULL)`,
    // Lists are by org unit, paged in id order: a district's pages read its slice of this index.
    `CREATE INDEX ON ${s}.households (district_code, household_id)`,
    `CREATE INDEX ON ${s}.households (township_code, household_id)`,
  ],
  reportingViews: [],
};
