import { randomUUID } from 'node:crypto';
import { activeSchema, applyEvents, householdEnrolled, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { householdRegisterProjection as projection } from './household-register.projection';
import { listHouseholds } from './household-register.query';

const enrolled = (householdId: string, villageCode = '640104001001') => householdEnrolled(householdId, villageCode);
const row = (householdId: string, changes: Record<string, unknown> = {}) => ({
  household_id: householdId,
  village_code: '640104001001',
  township_code: '640104001',
  district_code: '640104',
  city_code: '640100',
  category: 'developing',
  status: 'active',
  certified: false,
  members: 4,
  enrolment_year: 2012,
  enrolled_at: '2012-03-15T08:00:00.000Z',
  last_commit: expect.any(String),
  last_prepare: expect.any(String),
  ...changes,
});

describe('household register projection', () => {
  const db = databasePerTest(projection);

  it('follows a household through recategorisation, certification and withdrawal, holding nothing personal', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    await applyEvents(db.dataSource, projection, [
      enrolled(a),
      enrolled(b),
      recorded('HouseholdRecategorized', { householdId: a, from: 'developing', to: 'stable', reason: 'r' }),
      recorded('HouseholdCertified', { householdId: b, criteriaVersion: 'v1', assessedBy: 'staff-1' }),
      recorded('HouseholdCertified', { householdId: a, criteriaVersion: 'v1', assessedBy: 'staff-1' }),
      recorded('HouseholdWithdrawn', { householdId: a, reason: 'moved' }),
    ]);
    const rows = await tableRows(db.dataSource, projection, 'households');
    expect(rows).toEqual(
      [row(a, { category: 'stable', status: 'withdrawn' }), row(b, { certified: true })].sort((x, y) =>
        JSON.stringify(x).localeCompare(JSON.stringify(y)),
      ),
    );
    expect(JSON.stringify(rows)).not.toContain('Zhao');
  });

  it('changes nothing when every event is delivered twice, in one batch or in later ones', async () => {
    const h = randomUUID();
    const events = [
      enrolled(h),
      recorded('HouseholdRecategorized', { householdId: h, from: 'developing', to: 'elderly', reason: 'r' }),
      recorded('HouseholdWithdrawn', { householdId: h, reason: 'r' }),
    ];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    const once = await tableRows(db.dataSource, projection, 'households');
    await applyEvents(db.dataSource, projection, events, { oneByOne: true });
    expect(await tableRows(db.dataSource, projection, 'households')).toEqual(once);
    expect(once).toEqual([row(h, { category: 'elderly', status: 'withdrawn' })]);
  });

  it('lists the households under an org unit of any level, page after page in id order', async () => {
    const here = Array.from({ length: 5 }, () => randomUUID()).sort();
    await applyEvents(db.dataSource, projection, [...here.map((id) => enrolled(id)), enrolled(randomUUID(), '640105001001')]);
    const schema = await activeSchema(db.dataSource, projection);
    const first = await listHouseholds(db.dataSource, schema, { ou: '640104', limit: 3 });
    const rest = await listHouseholds(db.dataSource, schema, { ou: '640104001', afterId: first[2].householdId, limit: 3 });
    expect([...first, ...rest].map((h) => h.householdId)).toEqual(here);
    expect(await listHouseholds(db.dataSource, schema, { limit: 10 })).toHaveLength(6);
  });
});
