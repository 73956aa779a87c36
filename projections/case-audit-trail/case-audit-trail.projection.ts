/**
 * Writes the audit trail (see case-audit-trail.tables.ts). A case row holds the state the domain's own
 * `evolveCase` gives, and moves only for an event of a later revision; a trail row is keyed by event id.
 * Delivered twice, an event finds its revision already applied and its row already there: nothing changes.
 */
import { EntityManager } from 'typeorm';
import { CaseEvent, CaseState, caseDecider } from '@libs/domain/accountability-case';
import { oneByOne, Projection, RecordedOf } from '@libs/projection/projection';
import { caseAuditTrailReadModel } from './case-audit-trail.tables';
import { isCaseEvent, TRAIL_EVENT_TYPES, TrailEvent, trailRow, TrailRow } from './trail-row';

export const caseAuditTrailProjection: Projection<TrailEvent> = {
  ...caseAuditTrailReadModel,
  handles: TRAIL_EVENT_TYPES,
  applyBatch: oneByOne<TrailEvent>(async (event, tx: EntityManager, schema: string): Promise<void> => {
    const row = trailRow(event);
    if (row === undefined) return;
    if (isCaseEvent(event)) await applyToCase(tx, schema, event, row);
    await insertTrailRow(tx, schema, row);
  }),
};

interface CaseRow {
  state: CaseState;
  revision: string;
  district_code: string;
  subject_unit: string;
  grounds: string[];
}

async function applyToCase(tx: EntityManager, s: string, event: RecordedOf<CaseEvent>, row: TrailRow): Promise<void> {
  const [current]: CaseRow[] = await tx.query(
    `SELECT state, revision, district_code, subject_unit, grounds FROM ${s}.cases WHERE case_id = $1 FOR UPDATE`,
    [row.subjectId],
  );
  if (current) Object.assign(row, { districtCode: current.district_code, subjectUnit: current.subject_unit, grounds: current.grounds });
  if (current && BigInt(current.revision) >= event.revision) return;
  const state = caseDecider.evolve(current?.state ?? caseDecider.initialState, event);
  if (state.status === 'NotOpened') return;
  if (!current) Object.assign(row, { districtCode: state.districtCode, subjectUnit: state.subjectUnit, grounds: state.grounds });
  await tx.query(
    `INSERT INTO ${s}.cases (case_id, district_code, subject_unit, grounds, status, state, opened_at, opened_by, updated_at, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $9)
     ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision`,
    [
      row.subjectId,
      state.districtCode,
      state.subjectUnit,
      state.grounds,
      state.status,
      JSON.stringify(state),
      row.occurredAt,
      row.actor,
      event.revision.toString(),
    ],
  );
}

async function insertTrailRow(tx: EntityManager, s: string, r: TrailRow): Promise<void> {
  await tx.query(
    `INSERT INTO ${s}.trail (event_id, log_position, stream, revision, aggregate, subject_id, event_type, district_code, subject_unit,
       grounds, actor, authenticated_as, reason, occurred_at, recorded_at, month, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (event_id) DO NOTHING`,
    [
      r.eventId,
      r.logPosition,
      r.stream,
      r.revision,
      r.aggregate,
      r.subjectId,
      r.eventType,
      r.districtCode,
      r.subjectUnit,
      r.grounds,
      r.actor,
      r.authenticatedAs,
      r.reason,
      r.occurredAt,
      r.recordedAt,
      r.month,
      JSON.stringify(r.data),
    ],
  );
}
