/**
 * Needs by focus area x kind x status (open, met) x org unit x the month the need was recorded. A need is
 * met by the first service that answers it (later ones change nothing); the `needs` row is the guard, and with
 * its household and cell what the distinct households behind a cell are counted from, where the needs per
 * household (`needs_per_household`, its largest count bounds them) leave the suppression decision open.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { householdBoundDdl, perEventCellIndexesDdl } from '../../libs/indicators/household-bound';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { householdVillagesDdl } from '../shared/household-villages';
import { withNames } from '../../libs/projection/reporting-names';

export const needsStatusReadModel: ReadModelDefinition = {
  name: 'needs-status',
  // 3: periods in the programme calendar (Beijing time), not UTC.
  // 4: the reporting view carries names beside codes (reporting.org_unit_names, reporting.code_names).
  // 5: needs per household, whose largest bounds the distinct households small-cell suppression judges.
  version: 5,
  tables: (s) => [
    householdVillagesDdl(s),
    `CREATE TABLE ${s}.needs (
       need_id text PRIMARY KEY, household_id text NOT NULL, ${ORG_UNIT_COLUMNS_DDL},
       focus_area text NOT NULL, kind text NOT NULL, period int NOT NULL, status text NOT NULL)`,
    ...householdBoundDdl(s, 'needs_per_household', 'household_id'),
    ...perEventCellIndexesDdl(s, 'needs'),
    `CREATE TABLE ${s}.need_counts (
       ${ORG_UNIT_COLUMNS_DDL}, focus_area text NOT NULL, kind text NOT NULL, period int NOT NULL,
       open int NOT NULL DEFAULT 0, met int NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, focus_area, kind, period))`,
    ...districtRollupDdl(s, {
      table: 'need_counts',
      keys: ['focus_area text', 'kind text', 'period int'],
      counts: ['open int', 'met int'],
    }),
  ],
  reportingViews: [
    {
      name: 'need_counts',
      select: (s) =>
        withNames(
          `SELECT city_code, district_code, township_code, village_code, focus_area, kind AS need_kind,
        period AS recorded_month, open AS open_needs, met AS met_needs FROM ${s}.need_counts`,
          { levels: ['district', 'township', 'village'], codes: { focus_area: 'focus-area', need_kind: 'need-kind' } },
        ),
    },
  ],
};
