/** Writes needs by status (see needs-status.tables.ts). */
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { HouseholdEnrolled, NeedRecorded, ServiceDelivered } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { Projection } from '@libs/projection/projection';
import { assertKnownHousehold, PATH, rememberVillage } from '../shared/household-villages';
import { needsStatusReadModel } from './needs-status.tables';

export const needsStatusProjection: Projection = {
  ...needsStatusReadModel,
  handles: ['HouseholdEnrolled', 'NeedRecorded', 'ServiceDelivered'],
  async apply(event: RecordedEvent, tx: EntityManager, schema: string): Promise<void> {
    switch (event.type) {
      case 'HouseholdEnrolled': {
        const data = event.data as HouseholdEnrolled['data'];
        return rememberVillage(tx, schema, data.householdId, data.villageCode);
      }
      case 'NeedRecorded':
        return recordNeed(tx, schema, event.data as NeedRecorded['data'], monthOf(event.metadata.occurredAt));
      case 'ServiceDelivered': {
        const data = event.data as ServiceDelivered['data'];
        if (data.needId) await meetNeed(tx, schema, data.needId);
        return;
      }
    }
  },
};

async function recordNeed(tx: EntityManager, s: string, data: NeedRecorded['data'], period: number): Promise<void> {
  const inserted: unknown[] = await tx.query(
    `WITH g AS (
       INSERT INTO ${s}.needs (need_id, household_id, village_code, township_code, district_code, city_code, focus_area, kind, period, status)
       SELECT $1, $2, ${PATH}, $3, $4, $5, 'open' FROM ${s}.household_villages v WHERE v.household_id = $2
       ON CONFLICT (need_id) DO NOTHING RETURNING *)
     INSERT INTO ${s}.need_counts AS c (village_code, township_code, district_code, city_code, focus_area, kind, period, open)
     SELECT village_code, township_code, district_code, city_code, focus_area, kind, period, 1 FROM g
     ON CONFLICT (village_code, focus_area, kind, period) DO UPDATE SET open = c.open + 1
     RETURNING 1`,
    [data.needId, data.householdId, data.focusArea, data.kind, period],
  );
  if (inserted.length === 0) await assertKnownHousehold(tx, s, data.householdId);
}

/** open -> met once; a need answered again, or a duplicate delivery, finds it met already and changes nothing. */
async function meetNeed(tx: EntityManager, s: string, needId: string): Promise<void> {
  await tx.query(
    `WITH n AS (UPDATE ${s}.needs SET status = 'met' WHERE need_id = $1 AND status = 'open' RETURNING *)
     INSERT INTO ${s}.need_counts AS c (village_code, township_code, district_code, city_code, focus_area, kind, period, open, met)
     SELECT village_code, township_code, district_code, city_code, focus_area, kind, period, -1, 1 FROM n
     ON CONFLICT (village_code, focus_area, kind, period) DO UPDATE SET open = c.open + EXCLUDED.open, met = c.met + EXCLUDED.met`,
    [needId],
  );
}
