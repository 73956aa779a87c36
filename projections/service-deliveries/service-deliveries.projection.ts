/**
 * Writes service counts (see service-deliveries.tables.ts): each service once (by service id) in its
 * household's village, department, service type, focus area and month of delivery. A batch loads the
 * services and households it names, folds its events (`foldDeliveries`, pure) and writes in three statements.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled, ServiceDelivered } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { HouseholdVillages } from '../shared/household-villages';
import { serviceDeliveriesReadModel } from './service-deliveries.tables';

type Handled = HouseholdEnrolled | ServiceDelivered;

const COUNT_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'department_code', 'service_type_code', 'focus_area'),
  { name: 'period', type: 'int' },
];

/** Pure: folds `events` given the services already counted (`counted`, updated in place) and the households' paths. */
export function foldDeliveries(counted: Set<string>, villages: HouseholdVillages, events: readonly RecordedOf<Handled>[]) {
  const services = new RowChanges<string>(columnsOf('text', 'service_id'), (id) => [id]);
  const deltas = new CountDeltas(COUNT_KEY, ['delivered']);
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') villages.remember(event);
    if (event.type !== 'ServiceDelivered') continue;
    const data = event.data;
    const path = villages.pathOf(data.householdId);
    if (counted.has(data.serviceId)) continue;
    counted.add(data.serviceId);
    services.set(data.serviceId, data.serviceId);
    deltas.add([...path, data.departmentCode, data.serviceTypeCode, data.focusArea, monthOf(data.deliveredAt)], { delivered: 1 });
  }
  return { services, deltas };
}

export const serviceDeliveriesProjection: Projection<Handled> = {
  ...serviceDeliveriesReadModel,
  bulkWritten: true,
  handles: ['HouseholdEnrolled', 'ServiceDelivered'],
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const villages = await HouseholdVillages.load(tx, s, events);
    const ids = events.flatMap((e) => (e.type === 'ServiceDelivered' ? [e.data.serviceId] : []));
    const counted = new Set((await selectByKeys<{ service_id: string }>(tx, `${s}.services`, 'service_id', ids)).map((r) => r.service_id));
    const { services, deltas } = foldDeliveries(counted, villages, events);
    await villages.save(tx, s);
    await services.write(tx, `${s}.services`, 'service_id', []);
    await deltas.write(tx, `${s}.service_counts`, ['village_code', 'department_code', 'service_type_code', 'focus_area', 'period']);
  },
};
