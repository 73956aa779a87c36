/** Writes the compliance rows (see supervision-compliance.tables.ts): inserts keyed by event id, and term ends. */
import { EntityManager } from 'typeorm';
import { SUPERVISION_EVENT_TYPES, SupervisionEvent } from '@libs/domain/supervision';
import { oneByOne, Projection } from '@libs/projection/projection';
import { supervisionComplianceReadModel } from './supervision-compliance.tables';

export const supervisionComplianceProjection: Projection<SupervisionEvent> = {
  ...supervisionComplianceReadModel,
  handles: SUPERVISION_EVENT_TYPES,
  applyBatch: oneByOne<SupervisionEvent>(async (event, tx: EntityManager, s: string): Promise<void> => {
    switch (event.type) {
      case 'SupervisorAssigned': {
        const { districtCode, supervisorId, assignedAt } = event.data;
        await tx.query(`INSERT INTO ${s}.terms (district_code, supervisor_id, from_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          districtCode,
          supervisorId,
          assignedAt,
        ]);
        return;
      }
      case 'SupervisorAssignmentEnded': {
        const { districtCode, supervisorId, endedAt } = event.data;
        // Only a term open at that instant ends: a second delivery finds none, nor ends a later term of the same supervisor.
        await tx.query(
          `UPDATE ${s}.terms SET until_at = $3 WHERE district_code = $1 AND supervisor_id = $2 AND until_at IS NULL AND from_at <= $3`,
          [districtCode, supervisorId, endedAt],
        );
        return;
      }
      case 'SupervisionVisitRecorded': {
        const { districtCode, supervisorId, month, visitedAt } = event.data;
        await tx.query(
          `INSERT INTO ${s}.visits (event_id, district_code, supervisor_id, month, visited_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [event.id, districtCode, supervisorId, month, visitedAt, event.recordedAt],
        );
        return;
      }
      case 'BulletinIssued': {
        const { districtCode, bulletinId, supervisorId, period, kind, units, issuedAt } = event.data;
        await tx.query(
          `INSERT INTO ${s}.bulletins (event_id, district_code, bulletin_id, supervisor_id, period, kind, units, issued_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [event.id, districtCode, bulletinId, supervisorId, period, kind, units, issuedAt, event.recordedAt],
        );
        return;
      }
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }),
};
