/**
 * Supervision terms: who supervised which district, from when until when, one row per assignment. Case
 * authority is answered from it (apps/api/src/accountability/case-authority.ts) instead of folding the
 * districts' supervision streams on every case command. Each row keeps the log position of its
 * assignment, so an end (or a redelivered event) touches only terms assigned before it.
 */
import { ReadModelDefinition } from '../../libs/projection/projection';

export const supervisionTermsReadModel: ReadModelDefinition = {
  name: 'supervision-terms',
  version: 1,
  tables: (s) => [
    `CREATE TABLE ${s}.terms (
       event_id         text        PRIMARY KEY,
       district_code    text        NOT NULL,
       supervisor_id    text        NOT NULL,
       assigned_commit  numeric     NOT NULL,
       assigned_prepare numeric     NOT NULL,
       from_at          timestamptz NOT NULL,
       until_at         timestamptz,
       assigned_at      text        NOT NULL,
       ended_at         text)`,
    `CREATE INDEX ON ${s}.terms (supervisor_id, from_at)`,
    `CREATE INDEX ON ${s}.terms (district_code) WHERE until_at IS NULL`,
  ],
  reportingViews: [],
};
