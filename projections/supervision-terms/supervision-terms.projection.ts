/**
 * Writes the terms (see supervision-terms.tables.ts) as the supervision decider's evolve keeps them: an
 * assignment opens a term (and closes one left open), an end closes the open one. Visits and bulletins are
 * read and skipped, so the checkpoint passes every event of a supervision stream: case authority compares
 * it with the stream's last position to know the copy is current.
 */
import { EntityManager } from 'typeorm';
import { SUPERVISION_EVENT_TYPES, SupervisionEvent } from '@libs/domain/supervision';
import { Position } from '@libs/event-store';
import { oneByOne, Projection } from '@libs/projection/projection';
import { supervisionTermsReadModel } from './supervision-terms.tables';

/**
 * Closes the district's open term assigned before `at` in the log: a term assigned later (a redelivered
 * end arriving after the next assignment) is left alone, and a second delivery finds nothing open.
 */
async function closeOpenTerm(tx: EntityManager, s: string, districtCode: string, endedAt: string, at: Position): Promise<void> {
  await tx.query(
    `UPDATE ${s}.terms SET until_at = $2, ended_at = $3
      WHERE district_code = $1 AND until_at IS NULL AND (assigned_commit, assigned_prepare) < ($4::numeric, $5::numeric)`,
    [districtCode, endedAt, endedAt, at.commit.toString(), at.prepare.toString()],
  );
}

export const supervisionTermsProjection: Projection<SupervisionEvent> = {
  ...supervisionTermsReadModel,
  handles: SUPERVISION_EVENT_TYPES,
  applyBatch: oneByOne<SupervisionEvent>(async (event, tx: EntityManager, s: string): Promise<void> => {
    switch (event.type) {
      case 'SupervisorAssigned': {
        const { districtCode, supervisorId, assignedAt } = event.data;
        await closeOpenTerm(tx, s, districtCode, assignedAt, event.position);
        await tx.query(
          `INSERT INTO ${s}.terms (event_id, district_code, supervisor_id, assigned_commit, assigned_prepare, from_at, assigned_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [
            event.id,
            districtCode,
            supervisorId,
            event.position.commit.toString(),
            event.position.prepare.toString(),
            assignedAt,
            assignedAt,
          ],
        );
        return;
      }
      case 'SupervisorAssignmentEnded':
        return closeOpenTerm(tx, s, event.data.districtCode, event.data.endedAt, event.position);
      case 'SupervisionVisitRecorded':
      case 'BulletinIssued':
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }),
};
