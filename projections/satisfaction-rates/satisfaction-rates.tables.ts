/**
 * Responses by service type x department x focus area x org unit x month of the response, kept as counts
 * of each answer, so a rate at any level is summed numerators over summed denominators, never an average
 * of rates. The `responses` row (one per serviceId: one rating per service) is the guard; it keeps the
 * household and cell of the response, so an answer counts the distinct households behind each rate where
 * `valid_responses_per_household` (its largest count bounds them) leaves the suppression decision open.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { householdBoundDdl, perEventCellIndexesDdl } from '../../libs/indicators/household-bound';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { householdVillagesDdl } from '../shared/household-villages';
import { withNames } from '../../libs/projection/reporting-names';

export const satisfactionRatesReadModel: ReadModelDefinition = {
  name: 'satisfaction-rates',
  // 3: periods in the programme calendar (Beijing time), not UTC.
  // 4: the reporting view carries names beside codes (reporting.org_unit_names, reporting.code_names).
  // 5: each response keeps its household and cell, and each household its valid responses, for the distinct
  //    households small-cell suppression judges.
  version: 5,
  tables: (s) => [
    householdVillagesDdl(s),
    `CREATE TABLE ${s}.responses (
       service_id text PRIMARY KEY, response text NOT NULL, household_id text NOT NULL, ${ORG_UNIT_COLUMNS_DDL},
       department_code text NOT NULL, service_type_code text NOT NULL, focus_area text NOT NULL, period int NOT NULL)`,
    ...householdBoundDdl(s, 'valid_responses_per_household', 'household_id'),
    ...perEventCellIndexesDdl(s, 'responses'),
    `CREATE TABLE ${s}.satisfaction_counts (
       ${ORG_UNIT_COLUMNS_DDL}, department_code text NOT NULL, service_type_code text NOT NULL, focus_area text NOT NULL,
       period int NOT NULL,
       satisfied int NOT NULL DEFAULT 0, neutral int NOT NULL DEFAULT 0, dissatisfied int NOT NULL DEFAULT 0, no_answer int NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, department_code, service_type_code, focus_area, period))`,
    ...districtRollupDdl(s, {
      table: 'satisfaction_counts',
      keys: ['department_code text', 'service_type_code text', 'focus_area text', 'period int'],
      counts: ['satisfied int', 'neutral int', 'dissatisfied int', 'no_answer int'],
    }),
  ],
  reportingViews: [
    {
      name: 'satisfaction_counts',
      select: (s) =>
        withNames(
          `SELECT city_code, district_code, township_code, village_code, department_code, service_type_code, focus_area,
        period AS response_month, satisfied, neutral, dissatisfied, no_answer,
        satisfied + neutral + dissatisfied AS valid_responses FROM ${s}.satisfaction_counts`,
          {
            levels: ['district', 'township', 'village'],
            codes: { department_code: 'department', service_type_code: 'service-type', focus_area: 'focus-area' },
          },
        ),
    },
  ],
};
