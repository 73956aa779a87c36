/**
 * Households by category x org unit x enrolment period, active and withdrawn, and how many active ones are
 * certified. One row per household (`households`) is the guard that makes every count change idempotent:
 * a count moves only when that row changes, and only for an event later in the log than the row's last one
 * (the whole position, `last_commit` then `last_prepare`: the events of one append share a commit on EventStoreDB).
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { withNames } from '../../libs/projection/reporting-names';

export const categoryCountsReadModel: ReadModelDefinition = {
  name: 'category-counts',
  // 4: periods in the programme calendar (Beijing time), not UTC. 5: household_stock_changes (stocks by local day).
  // 6: pilot villages designated (PilotVillageDesignated and its withdrawal), not assumed.
  // 7: the reporting view carries names beside codes (reporting.org_unit_names, reporting.code_names).
  // 8: the households and pilot_villages guards keep the whole log position (last_commit, last_prepare), not the
  //    commit alone: on EventStoreDB the events of one append (a household's history from the bulk loader) share a commit.
  version: 8,
  tables: (s) => [
    `CREATE TABLE ${s}.households (
       household_id   text    PRIMARY KEY,
       ${ORG_UNIT_COLUMNS_DDL},
       category       text    NOT NULL,
       status         text    NOT NULL,
       certified      boolean NOT NULL DEFAULT false,
       enrolment_year int     NOT NULL,
       period         int     NOT NULL,
       last_commit    bigint  NOT NULL,
       last_prepare   bigint  NOT NULL)`,
    `CREATE TABLE ${s}.category_counts (
       ${ORG_UNIT_COLUMNS_DDL},
       category       text NOT NULL,
       enrolment_year int  NOT NULL,
       period         int  NOT NULL,
       active         int  NOT NULL DEFAULT 0,
       withdrawn      int  NOT NULL DEFAULT 0,
       certified      int  NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, category, enrolment_year, period))`,
    `CREATE INDEX ON ${s}.category_counts (township_code)`,
    `CREATE INDEX ON ${s}.category_counts (district_code)`,
    // The stocks (active, certified) as their changes by the local day they happened: the state at the end of a
    // day is the sum of the changes up to it (certified by the end of 2013, whenever the household enrolled).
    `CREATE TABLE ${s}.household_stock_changes (
       ${ORG_UNIT_COLUMNS_DDL},
       category  text NOT NULL,
       day       int  NOT NULL,
       active    int  NOT NULL DEFAULT 0,
       certified int  NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, category, day))`,
    `CREATE INDEX ON ${s}.household_stock_changes (township_code)`,
    ...districtRollupDdl(s, {
      table: 'household_stock_changes',
      keys: ['category text', 'day int'],
      counts: ['active int', 'certified int'],
    }),
    ...pilotVillagesDdl(s),
    ...districtRollupDdl(s, {
      table: 'category_counts',
      keys: ['category text', 'enrolment_year int', 'period int'],
      counts: ['active int', 'withdrawn int', 'certified int'],
    }),
  ],
  reportingViews: [
    {
      name: 'household_counts',
      select: (s) =>
        withNames(
          `SELECT city_code, district_code, township_code, village_code, category, enrolment_year,
        period AS enrolment_month, active AS active_households, withdrawn AS withdrawn_households,
        certified AS certified_households FROM ${s}.category_counts`,
          { levels: ['district', 'township', 'village'], codes: { category: 'category' } },
        ),
    },
  ],
};

/** Pilot villages (pilot-villages.fold.ts): the guard row per village and the stock's changes by local day. */
const pilotVillagesDdl = (s: string) => [
  `CREATE TABLE ${s}.pilot_villages (
     village_code text PRIMARY KEY, pilot boolean NOT NULL, last_commit bigint NOT NULL, last_prepare bigint NOT NULL)`,
  `CREATE TABLE ${s}.pilot_village_changes (
     village_code text NOT NULL, township_code text NOT NULL, district_code text NOT NULL, city_code text NOT NULL,
     day int NOT NULL, pilots int NOT NULL DEFAULT 0, PRIMARY KEY (village_code, day))`,
];
