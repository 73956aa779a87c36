/**
 * Services delivered by department x service type x focus area x org unit x month of delivery. The
 * `services` row (one per serviceId) is the guard against counting a delivery twice.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { householdVillagesDdl } from '../shared/household-villages';
import { withNames } from '../../libs/projection/reporting-names';

export const serviceDeliveriesReadModel: ReadModelDefinition = {
  name: 'service-deliveries',
  // 3: periods in the programme calendar (Beijing time), not UTC.
  // 4: the reporting view carries names beside codes (reporting.org_unit_names, reporting.code_names).
  version: 4,
  tables: (s) => [
    householdVillagesDdl(s),
    `CREATE TABLE ${s}.services (service_id text PRIMARY KEY)`,
    `CREATE TABLE ${s}.service_counts (
       ${ORG_UNIT_COLUMNS_DDL}, department_code text NOT NULL, service_type_code text NOT NULL, focus_area text NOT NULL,
       period int NOT NULL, delivered int NOT NULL DEFAULT 0,
       PRIMARY KEY (village_code, department_code, service_type_code, focus_area, period))`,
    ...districtRollupDdl(s, {
      table: 'service_counts',
      keys: ['department_code text', 'service_type_code text', 'focus_area text', 'period int'],
      counts: ['delivered int'],
    }),
  ],
  reportingViews: [
    {
      name: 'service_counts',
      select: (s) =>
        withNames(
          `SELECT city_code, district_code, township_code, village_code, department_code, service_type_code,
        focus_area, period AS delivered_month, delivered AS services_delivered FROM ${s}.service_counts`,
          {
            levels: ['district', 'township', 'village'],
            codes: { department_code: 'department', service_type_code: 'service-type', focus_area: 'focus-area' },
          },
        ),
    },
  ],
};
