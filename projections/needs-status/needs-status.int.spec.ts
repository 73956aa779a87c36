import { randomUUID } from 'node:crypto';
import { UnknownHouseholdError } from '../shared/household-villages';
import { applyEvents, householdEnrolled, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { needsStatusProjection as projection } from './needs-status.projection';

const VILLAGE = '640121002003';
const path = { village_code: VILLAGE, township_code: '640121002', district_code: '640121', city_code: '640100' };
const enrolled = (householdId: string) => householdEnrolled(householdId, VILLAGE, { members: 3 });
const need = (householdId: string, needId: string, kind = 'skills') =>
  recorded(
    'NeedRecorded',
    { householdId, needId, focusArea: 'prosperity', kind, description: 'wants to learn welding' },
    '2012-04-02T00:00:00.000Z',
  );
const service = (householdId: string, needId?: string) =>
  recorded('ServiceDelivered', {
    householdId,
    serviceId: randomUUID(),
    ...(needId ? { needId } : {}),
    departmentCode: 'human-resources-social-security',
    serviceTypeCode: 'training',
    focusArea: 'prosperity',
    deliveredAt: '2012-05-02T00:00:00.000Z',
  });
const counts = (kind: string, open: number, met: number) => ({ ...path, focus_area: 'prosperity', kind, period: 201204, open, met });

describe('needs status projection', () => {
  const db = databasePerTest();

  it('counts recorded needs as open, and a need answered by a service as met', async () => {
    const [h, n1, n2] = [randomUUID(), randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [
      enrolled(h),
      need(h, n1),
      need(h, n2),
      need(h, randomUUID(), 'loan'),
      service(h, n1),
      service(h),
    ]);
    expect(await tableRows(db.dataSource, projection, 'need_counts')).toEqual([counts('loan', 1, 0), counts('skills', 1, 1)]);
  });

  it('counts a need met once however many services answer it', async () => {
    const [h, n] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [enrolled(h), need(h, n), service(h, n), service(h, n)]);
    expect(await tableRows(db.dataSource, projection, 'need_counts')).toEqual([counts('skills', 0, 1)]);
  });

  it('keeps the needs each household recorded, met or not, whose largest bounds the households behind a cell', async () => {
    const [h, n] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [enrolled(h), need(h, n), need(h, randomUUID()), service(h, n), need(h, n)]);
    expect(await tableRows(db.dataSource, projection, 'needs_per_household')).toEqual([{ household_id: h, n: 2 }]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const [h, n] = [randomUUID(), randomUUID()];
    const events = [enrolled(h), need(h, n), need(h, randomUUID()), service(h, n)];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    expect(await tableRows(db.dataSource, projection, 'need_counts')).toEqual([counts('skills', 1, 1)]);
  });

  it('refuses a need of a household it never saw enrolled, so the runner parks it', async () => {
    await expect(applyEvents(db.dataSource, projection, [need(randomUUID(), randomUUID())])).rejects.toThrow(UnknownHouseholdError);
  });
});
