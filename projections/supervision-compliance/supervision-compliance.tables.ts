/**
 * Supervision compliance: every visit and bulletin as reported, and every supervisor's term, per district.
 * Whether each month and bimonth was covered, late or missing is judged when asked (compliance.ts), as
 * "missing" depends on today's date; rows keyed by event id make every write idempotent.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';

export const supervisionComplianceReadModel: ReadModelDefinition = {
  name: 'supervision-compliance',
  version: 1,
  tables: (s) => [
    `CREATE TABLE ${s}.visits (
       event_id      text        PRIMARY KEY,
       district_code text        NOT NULL,
       supervisor_id text        NOT NULL,
       month         text        NOT NULL,
       visited_at    timestamptz NOT NULL,
       recorded_at   timestamptz NOT NULL)`,
    `CREATE INDEX ON ${s}.visits (district_code, month)`,
    `CREATE TABLE ${s}.bulletins (
       event_id      text        PRIMARY KEY,
       district_code text        NOT NULL,
       bulletin_id   text        NOT NULL,
       supervisor_id text        NOT NULL,
       period        text        NOT NULL,
       kind          text        NOT NULL,
       units         text[]      NOT NULL,
       issued_at     timestamptz NOT NULL,
       recorded_at   timestamptz NOT NULL)`,
    `CREATE INDEX ON ${s}.bulletins (district_code, period)`,
    `CREATE TABLE ${s}.terms (
       district_code text        NOT NULL,
       supervisor_id text        NOT NULL,
       from_at       timestamptz NOT NULL,
       until_at      timestamptz,
       PRIMARY KEY (district_code, supervisor_id, from_at))`,
  ],
  reportingViews: [
    {
      name: 'supervision_visits',
      select: (s) => `SELECT district_code, supervisor_id, month, visited_at, recorded_at FROM ${s}.visits`,
    },
    {
      name: 'supervision_bulletins',
      select: (s) => `SELECT district_code, bulletin_id, supervisor_id, period, kind, units, issued_at, recorded_at FROM ${s}.bulletins`,
    },
  ],
};
