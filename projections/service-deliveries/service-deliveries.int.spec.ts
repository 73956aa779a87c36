import { randomUUID } from 'node:crypto';
import { applyEvents, householdEnrolled, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { serviceDeliveriesProjection as projection } from './service-deliveries.projection';

const enrolled = (householdId: string, villageCode: string) =>
  householdEnrolled(householdId, villageCode, { category: 'stable', members: 2 });
const service = (householdId: string, departmentCode: string, deliveredAt = '2012-02-10T00:00:00.000Z') =>
  recorded('ServiceDelivered', {
    householdId,
    serviceId: randomUUID(),
    departmentCode,
    serviceTypeCode: 'health-check',
    focusArea: 'health',
    deliveredAt,
  });
const row = (villageCode: string, departmentCode: string, period: number, delivered: number) => ({
  village_code: villageCode,
  township_code: villageCode.slice(0, 9),
  district_code: villageCode.slice(0, 6),
  city_code: '640100',
  department_code: departmentCode,
  service_type_code: 'health-check',
  focus_area: 'health',
  period,
  delivered,
});

describe('service deliveries projection', () => {
  const db = databasePerTest();

  it('counts services by village, department, type, focus area and month of delivery', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [
      enrolled(a, '640104001001'),
      enrolled(b, '640105002001'),
      service(a, 'health'),
      service(a, 'health'),
      service(b, 'health', '2012-03-01T00:00:00.000Z'),
      service(b, 'population-family-planning'),
    ]);
    expect(await tableRows(db.dataSource, projection, 'service_counts')).toEqual([
      row('640104001001', 'health', 201202, 2),
      row('640105002001', 'health', 201203, 1),
      row('640105002001', 'population-family-planning', 201202, 1),
    ]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const a = randomUUID();
    const events = [enrolled(a, '640104001001'), service(a, 'health')];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    expect(await tableRows(db.dataSource, projection, 'service_counts')).toEqual([row('640104001001', 'health', 201202, 1)]);
  });
});
