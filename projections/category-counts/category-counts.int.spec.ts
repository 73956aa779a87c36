import { randomUUID } from 'node:crypto';
import { applyEvents, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { categoryCountsProjection as projection } from './category-counts.projection';

const VILLAGE = '640104001001';
const path = { village_code: VILLAGE, township_code: '640104001', district_code: '640104', city_code: '640100' };
const enrolled = (householdId: string, category = 'developing', occurredAt = '2012-03-15T08:00:00.000Z') =>
  recorded(
    'HouseholdEnrolled',
    { householdId, villageCode: VILLAGE, category, members: 3, head: { name: 'Ma Lan' }, enrolmentYear: 2012, batch: 1 },
    occurredAt,
  );
const counts = (category: string, active: number, withdrawn = 0, certified = 0, period = 201203) => ({
  ...path,
  category,
  enrolment_year: 2012,
  period,
  active,
  withdrawn,
  certified,
});

describe('category counts projection', () => {
  const db = databasePerTest();

  it('counts an enrolled household in its village, category and enrolment month', async () => {
    await applyEvents(db.dataSource, projection, [
      enrolled(randomUUID()),
      enrolled(randomUUID()),
      enrolled(randomUUID(), 'elderly', '2012-05-01T00:00:00.000Z'),
    ]);
    expect(await tableRows(db.dataSource, projection, 'category_counts')).toEqual([
      counts('developing', 2),
      counts('elderly', 1, 0, 0, 201205),
    ]);
  });

  it('moves a recategorised household from one category to the other', async () => {
    const id = randomUUID();
    await applyEvents(db.dataSource, projection, [
      enrolled(id),
      recorded('HouseholdRecategorized', { householdId: id, from: 'developing', to: 'stable', reason: 'income rose' }),
    ]);
    expect(await tableRows(db.dataSource, projection, 'category_counts')).toEqual([counts('stable', 1)]);
  });

  it('moves a withdrawn household from active to withdrawn and takes away its certification', async () => {
    const id = randomUUID();
    await applyEvents(db.dataSource, projection, [
      enrolled(id),
      recorded('HouseholdCertified', { householdId: id, criteriaVersion: 'v1', assessedBy: 'staff-1' }),
      recorded('HouseholdWithdrawn', { householdId: id, reason: 'moved away' }),
    ]);
    expect(await tableRows(db.dataSource, projection, 'category_counts')).toEqual([counts('developing', 0, 1, 0)]);
  });

  it('counts certification and its revocation', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [
      enrolled(a),
      enrolled(b),
      recorded('HouseholdCertified', { householdId: a, criteriaVersion: 'v1', assessedBy: 'staff-1' }),
      recorded('HouseholdCertified', { householdId: b, criteriaVersion: 'v1', assessedBy: 'staff-1' }),
      recorded('CertificationRevoked', { householdId: b, criteriaVersion: 'v1', reason: 'criteria no longer met' }),
    ]);
    expect(await tableRows(db.dataSource, projection, 'category_counts')).toEqual([counts('developing', 2, 0, 1)]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const id = randomUUID();
    const events = [
      enrolled(id),
      recorded('HouseholdRecategorized', { householdId: id, from: 'developing', to: 'elderly', reason: 'age' }),
      recorded('HouseholdCertified', { householdId: id, criteriaVersion: 'v1', assessedBy: 'staff-1' }),
      recorded('HouseholdWithdrawn', { householdId: id, reason: 'moved away' }),
    ];
    await applyEvents(db.dataSource, projection, events);
    const once = await tableRows(db.dataSource, projection, 'category_counts');
    await applyEvents(db.dataSource, projection, events);
    await applyEvents(db.dataSource, projection, [events[1], events[0]]);
    expect(await tableRows(db.dataSource, projection, 'category_counts')).toEqual(once);
    expect(once).toEqual([counts('elderly', 0, 1, 0)]);
  });

  it('keeps the stocks as changes by the local day they happened, and delivered twice changes nothing', async () => {
    const id = randomUUID();
    const events = [
      enrolled(id, 'developing', '2012-03-15T08:00:00.000Z'),
      recorded('HouseholdCertified', { householdId: id, criteriaVersion: 'v1', assessedBy: 'staff-1' }, '2013-12-31T17:00:00.000Z'),
      recorded('HouseholdRecategorized', { householdId: id, from: 'developing', to: 'elderly', reason: 'age' }, '2014-02-01T02:00:00.000Z'),
      recorded('HouseholdWithdrawn', { householdId: id, reason: 'moved away' }, '2015-01-01T02:00:00.000Z'),
    ];
    const stock = (category: string, day: number, active: number, certified: number) => ({ ...path, category, day, active, certified });
    const expected = [
      stock('developing', 20120315, 1, 0),
      stock('developing', 20140101, 0, 1),
      stock('developing', 20140201, -1, -1),
      stock('elderly', 20140201, 1, 1),
      stock('elderly', 20150101, -1, -1),
    ];
    await applyEvents(db.dataSource, projection, events);
    expect(await tableRows(db.dataSource, projection, 'household_stock_changes')).toEqual(expected);
    await applyEvents(db.dataSource, projection, [...events, events[2], events[0]]);
    expect(await tableRows(db.dataSource, projection, 'household_stock_changes')).toEqual(expected);
  });

  it('keeps pilot designations as changes by local day, guarded per village: delivered twice changes nothing', async () => {
    const stream = `pilotvillage-${VILLAGE}`;
    const data = { villageCode: VILLAGE, townshipCode: path.township_code, designatedBy: 'township-1', reason: 'decision 1' };
    const events = [
      recorded('PilotVillageDesignated', data, '2011-12-31T17:00:00.000Z', stream),
      recorded(
        'PilotVillageDesignationWithdrawn',
        { villageCode: VILLAGE, townshipCode: path.township_code, withdrawnBy: 'township-1', reason: 'merged' },
        '2013-07-01T02:00:00.000Z',
        stream,
      ),
    ];
    const expected = [
      { ...path, day: 20120101, pilots: 1 },
      { ...path, day: 20130701, pilots: -1 },
    ];
    await applyEvents(db.dataSource, projection, events);
    expect(await tableRows(db.dataSource, projection, 'pilot_village_changes')).toEqual(expected);
    await applyEvents(db.dataSource, projection, [...events, events[0]]);
    expect(await tableRows(db.dataSource, projection, 'pilot_village_changes')).toEqual(expected);
  });
});
