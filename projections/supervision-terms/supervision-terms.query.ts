/** Reads of the supervision terms' active copy, with the log position it reflects (its checkpoint). */
import { DataSource } from 'typeorm';
import { SupervisorAssignment } from '@libs/domain/supervision';
import { Position } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { assertSchemaName } from '@libs/projection/copies';
import { supervisionTermsReadModel } from './supervision-terms.tables';

export interface TermsHeld {
  /** The last log position the copy reflects; undefined before its first event. */
  position: Position | undefined;
  /** The supervisor's terms in force at the instant, oldest assignment first. */
  terms: SupervisorAssignment[];
}

interface TermRow {
  district_code: string;
  supervisor_id: string;
  assigned_at: string;
  ended_at: string | null;
}

/**
 * The terms `supervisorId` held at `at` (from <= at < until), read in one snapshot with the checkpoint;
 * undefined when there is no copy of this version yet (the caller then folds the streams).
 */
export async function termsHeldAt(dataSource: DataSource, supervisorId: string, at: string): Promise<TermsHeld | undefined> {
  return dataSource.transaction('REPEATABLE READ', async (tx) => {
    const checkpoint = await loadCheckpoint(tx, supervisionTermsReadModel);
    if (!checkpoint || checkpoint.version !== supervisionTermsReadModel.version) return undefined;
    assertSchemaName(checkpoint.schema);
    const rows: TermRow[] = await tx.query(
      `SELECT district_code, supervisor_id, assigned_at, ended_at FROM ${checkpoint.schema}.terms
        WHERE supervisor_id = $1 AND from_at <= $2 AND (until_at IS NULL OR $2 < until_at)
        ORDER BY assigned_commit, assigned_prepare`,
      [supervisorId, at],
    );
    const terms = rows.map((row) => ({
      districtCode: row.district_code,
      supervisorId: row.supervisor_id,
      from: row.assigned_at,
      until: row.ended_at,
    }));
    return { position: checkpoint.position, terms };
  });
}
