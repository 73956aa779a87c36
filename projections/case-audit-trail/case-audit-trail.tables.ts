/**
 * The accountability audit trail: one row per event of cases, supervision and responsibilities, for
 * queries across streams (by district, actor, grounds, period); and one row per case with its state, for
 * the case list. Free text classified as personal is left out of both (see the event type registry).
 */
import { ReadModelDefinition } from '../../libs/projection/projection';

export const caseAuditTrailReadModel: ReadModelDefinition = {
  name: 'case-audit-trail',
  // 2: a case's free text became personal (reasons, requirements): rebuilt, so no row keeps what erasure cannot reach.
  // 3: authenticated_as, the administrator who sent an event's command under another actor's name.
  version: 3,
  tables: (s) => [
    `CREATE TABLE ${s}.trail (
       event_id      text        PRIMARY KEY,
       log_position  bigint      NOT NULL,
       stream        text        NOT NULL,
       revision      bigint      NOT NULL,
       aggregate     text        NOT NULL,
       subject_id    text        NOT NULL,
       event_type    text        NOT NULL,
       district_code text,
       subject_unit  text,
       grounds       text[]      NOT NULL DEFAULT '{}',
       actor         text        NOT NULL,
       authenticated_as text,
       reason        text,
       occurred_at   timestamptz NOT NULL,
       recorded_at   timestamptz NOT NULL,
       month         text        NOT NULL,
       data          jsonb       NOT NULL)`,
    `CREATE INDEX ON ${s}.trail (district_code, occurred_at)`,
    `CREATE INDEX ON ${s}.trail (actor, occurred_at)`,
    `CREATE INDEX ON ${s}.trail (authenticated_as, occurred_at) WHERE authenticated_as IS NOT NULL`,
    `CREATE INDEX ON ${s}.trail USING gin (grounds)`,
    `CREATE INDEX ON ${s}.trail (stream, revision)`,
    `CREATE TABLE ${s}.cases (
       case_id       text        PRIMARY KEY,
       district_code text        NOT NULL,
       subject_unit  text        NOT NULL,
       grounds       text[]      NOT NULL,
       status        text        NOT NULL,
       state         jsonb       NOT NULL,
       opened_at     timestamptz NOT NULL,
       opened_by     text        NOT NULL,
       updated_at    timestamptz NOT NULL,
       revision      bigint      NOT NULL)`,
    `CREATE INDEX ON ${s}.cases (district_code, status)`,
  ],
  reportingViews: [
    {
      name: 'accountability_trail',
      select: (s) => `SELECT log_position, stream, revision, aggregate, subject_id, event_type, district_code, subject_unit,
        grounds, actor, authenticated_as, reason, occurred_at, recorded_at, month AS occurred_month FROM ${s}.trail`,
    },
    {
      name: 'accountability_cases',
      select: (s) => `SELECT case_id, district_code, subject_unit, grounds, status, state->'rectification'->>'stage' AS rectification_stage,
        state->>'escalation' AS escalation, opened_at, opened_by, updated_at FROM ${s}.cases`,
    },
  ],
};
