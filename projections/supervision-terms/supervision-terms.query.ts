/** Reads of the supervision terms' active copy, with the log position it reflects (its checkpoint). */
import { DataSource, QueryFailedError } from 'typeorm';
import { SupervisorAssignment } from '@libs/domain/supervision';
import { Position, position } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { assertSchemaName } from '@libs/projection/copies';
import { supervisionTermsReadModel as readModel } from './supervision-terms.tables';

export interface TermsHeld {
  /** The checkpoint, read in the same statement as the terms; undefined before the first event. */
  position: Position | undefined;
  /** The supervisor's terms in force at the instant, oldest assignment first. */
  terms: SupervisorAssignment[];
}

interface Row {
  commit_position: string;
  prepare_position: string;
  district_code: string | null;
  supervisor_id: string;
  assigned_at: string;
  ended_at: string | null;
}

/** The active copy's schema per database, so a read is one statement; each read checks it is still active. */
const activeCopies = new WeakMap<DataSource, string>();

/**
 * The terms `supervisorId` held at `at` (from <= at < until), with the checkpoint they reflect; undefined
 * when there is no copy of this version (the caller then folds the streams).
 */
export async function termsHeldAt(dataSource: DataSource, supervisorId: string, at: string): Promise<TermsHeld | undefined> {
  const known = activeCopies.get(dataSource);
  const held = known === undefined ? undefined : await termsInCopy(dataSource, known, supervisorId, at);
  if (held) return held;
  const checkpoint = await loadCheckpoint(dataSource.manager, readModel);
  if (!checkpoint || checkpoint.version !== readModel.version) return undefined;
  activeCopies.set(dataSource, checkpoint.schema);
  return termsInCopy(dataSource, checkpoint.schema, supervisorId, at);
}

/** One statement, so one snapshot: the checkpoint row (only while `schema` is the active copy) and the terms. */
async function termsInCopy(dataSource: DataSource, schema: string, supervisorId: string, at: string): Promise<TermsHeld | undefined> {
  assertSchemaName(schema);
  const rows: Row[] = await dataSource
    .query(
      `SELECT c.commit_position, c.prepare_position, t.district_code, t.supervisor_id, t.assigned_at, t.ended_at
         FROM projections.checkpoints c
         LEFT JOIN ${schema}.terms t ON t.supervisor_id = $1 AND t.from_at <= $2 AND (t.until_at IS NULL OR $2 < t.until_at)
        WHERE c.projection = $3 AND c.active_schema = $4 AND c.version = $5
        ORDER BY t.assigned_commit, t.assigned_prepare`,
      [supervisorId, at, readModel.name, schema, readModel.version],
    )
    .catch(copyDropped);
  if (rows.length === 0) return undefined;
  const commit = BigInt(rows[0].commit_position);
  const terms = rows
    .filter((row) => row.district_code !== null)
    .map((row) => ({ districtCode: row.district_code!, supervisorId: row.supervisor_id, from: row.assigned_at, until: row.ended_at }));
  return { position: commit < 0n ? undefined : position(commit, BigInt(rows[0].prepare_position)), terms };
}

/** A rebuild swapped copies and dropped the one named: no rows, so the caller looks the active copy up again. */
function copyDropped(error: unknown): Row[] {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  if (code === '42P01' || code === '3F000') return [];
  throw error;
}
