/**
 * Group activities by kind x focus area x department x org unit x month held (local date): activities,
 * sessions, attendance, cost in fen and outreach materials. An activity held at a district, township or
 * city level has that unit's code in the path columns below it, so it counts at its own level and above
 * and shows as its own row when a level below is asked for. `activities` (one row per activity, with
 * the last revision applied) is the guard that makes redelivery harmless.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { withNames } from '../../libs/projection/reporting-names';

export const ACTIVITY_COUNTS = [
  'activities',
  'sessions',
  'attendance',
  'cost_fen',
  'boards',
  'walls',
  'billboards',
  'light_boxes',
] as const;

export const activityCountsReadModel: ReadModelDefinition = {
  name: 'activity-counts',
  // 2: the reporting view carries names beside codes (reporting.org_unit_names, reporting.code_names).
  version: 2,
  tables: (s) => [
    `CREATE TABLE ${s}.activities (activity_id text PRIMARY KEY, last_revision bigint NOT NULL)`,
    `CREATE TABLE ${s}.activity_counts (
       ${ORG_UNIT_COLUMNS_DDL}, kind text NOT NULL, focus_area text NOT NULL, department_code text NOT NULL, period int NOT NULL,
       ${ACTIVITY_COUNTS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(', ')},
       PRIMARY KEY (village_code, kind, focus_area, department_code, period))`,
    ...districtRollupDdl(s, {
      table: 'activity_counts',
      keys: ['kind text', 'focus_area text', 'department_code text', 'period int'],
      counts: ACTIVITY_COUNTS.map((c) => `${c} bigint`),
    }),
  ],
  reportingViews: [
    {
      name: 'activity_counts',
      select: (s) =>
        withNames(
          `SELECT city_code, district_code, township_code, village_code, kind, focus_area, department_code, period AS held_month,
        ${ACTIVITY_COUNTS.join(', ')} FROM ${s}.activity_counts`,
          { levels: ['district', 'township', 'village'], codes: { focus_area: 'focus-area', department_code: 'department' } },
        ),
    },
  ],
};
