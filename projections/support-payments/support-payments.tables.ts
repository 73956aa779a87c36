/**
 * Support handed to households, by programme x household category x org unit x month (programme calendar)
 * of each event: grants, deliveries, returns and reversals, each as a count, an amount in fen and units of
 * goods. `support_grants` (one row per grant, with its running amounts and the last revision applied) is the
 * guard that makes redelivery harmless, and answers what one household received.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';
import { districtRollupDdl } from '../../libs/indicators/district-rollup';
import { ORG_UNIT_COLUMNS_DDL } from '../../libs/indicators/org-unit-path';
import { householdVillagesDdl } from '../shared/household-villages';

export const SUPPORT_COUNTS = [
  'grants',
  'granted_fen',
  'granted_units',
  'deliveries',
  'delivered_fen',
  'delivered_units',
  'returns',
  'returned_fen',
  'returned_units',
  'reversals',
  'reversed_fen',
  'reversed_units',
  'reversed_held_fen',
  'reversed_held_units',
] as const;
export type SupportCount = (typeof SUPPORT_COUNTS)[number];

export const supportPaymentsReadModel: ReadModelDefinition = {
  name: 'support-payments',
  version: 1,
  tables: (s) => [
    householdVillagesDdl(s),
    `CREATE TABLE ${s}.support_grants (
       support_id text PRIMARY KEY, household_id text NOT NULL, ${ORG_UNIT_COLUMNS_DDL}, programme_code text NOT NULL,
       household_category text NOT NULL, granted_at text NOT NULL, status text NOT NULL,
       granted_fen bigint NOT NULL, granted_units bigint NOT NULL, delivered_fen bigint NOT NULL, delivered_units bigint NOT NULL,
       returned_fen bigint NOT NULL, returned_units bigint NOT NULL, last_revision bigint NOT NULL)`,
    `CREATE INDEX ON ${s}.support_grants (household_id)`,
    `CREATE TABLE ${s}.support_counts (
       ${ORG_UNIT_COLUMNS_DDL}, programme_code text NOT NULL, household_category text NOT NULL, period int NOT NULL,
       ${SUPPORT_COUNTS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(', ')},
       PRIMARY KEY (village_code, programme_code, household_category, period))`,
    ...districtRollupDdl(s, {
      table: 'support_counts',
      keys: ['programme_code text', 'household_category text', 'period int'],
      counts: SUPPORT_COUNTS.map((c) => `${c} bigint`),
    }),
  ],
  reportingViews: [
    {
      name: 'support_counts',
      select: (s) => `SELECT city_code, district_code, township_code, village_code, programme_code, household_category,
        period AS month, ${SUPPORT_COUNTS.join(', ')} FROM ${s}.support_counts`,
    },
  ],
};
