/** Writes service counts (see service-deliveries.tables.ts). */
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { HouseholdEnrolled, ServiceDelivered } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { Projection } from '@libs/projection/projection';
import { assertKnownHousehold, PATH, rememberVillage } from '../shared/household-villages';
import { serviceDeliveriesReadModel } from './service-deliveries.tables';

export const serviceDeliveriesProjection: Projection = {
  ...serviceDeliveriesReadModel,
  handles: ['HouseholdEnrolled', 'ServiceDelivered'],
  async apply(event: RecordedEvent, tx: EntityManager, schema: string): Promise<void> {
    if (event.type === 'HouseholdEnrolled') {
      const data = event.data as HouseholdEnrolled['data'];
      return rememberVillage(tx, schema, data.householdId, data.villageCode);
    }
    if (event.type === 'ServiceDelivered') return deliver(tx, schema, event.data as ServiceDelivered['data']);
  },
};

async function deliver(tx: EntityManager, s: string, data: ServiceDelivered['data']): Promise<void> {
  await assertKnownHousehold(tx, s, data.householdId);
  await tx.query(
    `WITH g AS (INSERT INTO ${s}.services (service_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1)
     INSERT INTO ${s}.service_counts AS c (village_code, township_code, district_code, city_code, department_code, service_type_code, focus_area, period, delivered)
     SELECT ${PATH}, $3, $4, $5, $6, 1 FROM ${s}.household_villages v, g WHERE v.household_id = $2
     ON CONFLICT (village_code, department_code, service_type_code, focus_area, period) DO UPDATE SET delivered = c.delivered + 1`,
    [data.serviceId, data.householdId, data.departmentCode, data.serviceTypeCode, data.focusArea, monthOf(data.deliveredAt)],
  );
}
