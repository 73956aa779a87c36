/**
 * The screening chain as counts by village path x month (the local day of each step): checks, five-item
 * tests, two-item screenings, high-risk findings, counselling offered, and counselled. Counselling, offered
 * or taken, counts in the month of its record's high-risk finding (a cohort: of the findings of a month, how
 * many were offered and counselled so far), so the counselling rate never exceeds one. No personal field is read or kept:
 * `screenings` holds, per record, only the last revision applied (the redelivery guard) and the month of
 * its finding; `screening_subjects` which records each cell counts (one row per count, village, month and
 * record), so a cell is judged by its distinct records, not its events; `events_per_screening` the events each
 * record counts in all, whose largest bounds the records behind a cell (so most cells need no distinct count).
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { householdBoundDdl, perEventCellIndexesDdl } from '../../libs/indicators/household-bound';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';

export const SCREENING_COUNTS = [
  'checks',
  'five_item_tests',
  'two_item_screenings',
  'high_risk',
  'counselling_offered',
  'counselled',
] as const;
export type ScreeningCount = (typeof SCREENING_COUNTS)[number];

export const screeningCountsReadModel: ReadModelDefinition = {
  name: 'screening-counts',
  // 2: screening_subjects, the distinct records behind each cell (small-cell suppression judges them), and
  //    events_per_screening, whose largest count bounds them.
  // 3: counselling offered counts in the month of the finding, as counselling taken does (the offers beside a
  //    rate are of the records that judge its cell).
  version: 3,
  // No reporting view: its cells would go out unsuppressed, and these are health events of people.
  reportingViews: [],
  tables: (s) => [
    `CREATE TABLE ${s}.screenings (screening_id text PRIMARY KEY, last_revision bigint NOT NULL, high_risk_period int NOT NULL)`,
    `CREATE TABLE ${s}.screening_subjects (
       subject_key text PRIMARY KEY, counted text NOT NULL, screening_id text NOT NULL, ${ORG_UNIT_COLUMNS_DDL}, period int NOT NULL)`,
    ...householdBoundDdl(s, 'events_per_screening', 'screening_id'),
    ...perEventCellIndexesDdl(s, 'screening_subjects'),
    `CREATE TABLE ${s}.screening_counts (
       ${ORG_UNIT_COLUMNS_DDL}, period int NOT NULL,
       ${SCREENING_COUNTS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(', ')},
       PRIMARY KEY (village_code, period))`,
    ...districtRollupDdl(s, {
      table: 'screening_counts',
      keys: ['period int'],
      counts: SCREENING_COUNTS.map((c) => `${c} bigint`),
    }),
  ],
};
