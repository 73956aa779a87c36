import { randomUUID } from 'node:crypto';
import { applyEvents, householdEnrolled, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { satisfactionRatesProjection as projection } from './satisfaction-rates.projection';

const VILLAGE = '640106001002';
const enrolled = (householdId: string) => householdEnrolled(householdId, VILLAGE, { category: 'elderly', members: 2 });
const rated = (householdId: string, response: string) =>
  recorded(
    'SatisfactionRecorded',
    { householdId, serviceId: randomUUID(), response, departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health' },
    '2012-06-30T00:00:00.000Z',
  );
const row = (satisfied: number, neutral: number, dissatisfied: number, no_answer: number) => ({
  village_code: VILLAGE,
  township_code: '640106001',
  district_code: '640106',
  city_code: '640100',
  department_code: 'health',
  service_type_code: 'health-check',
  focus_area: 'health',
  period: 201206,
  satisfied,
  neutral,
  dissatisfied,
  no_answer,
});

describe('satisfaction rates projection', () => {
  const db = databasePerTest();

  it('counts each answer, no-answer apart from the valid ones', async () => {
    const h = randomUUID();
    await applyEvents(db.dataSource, projection, [
      enrolled(h),
      rated(h, 'satisfied'),
      rated(h, 'satisfied'),
      rated(h, 'neutral'),
      rated(h, 'dissatisfied'),
      rated(h, 'no-answer'),
    ]);
    expect(await tableRows(db.dataSource, projection, 'satisfaction_counts')).toEqual([row(2, 1, 1, 1)]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const h = randomUUID();
    const events = [enrolled(h), rated(h, 'satisfied'), rated(h, 'no-answer')];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    expect(await tableRows(db.dataSource, projection, 'satisfaction_counts')).toEqual([row(1, 0, 0, 1)]);
  });

  it('refuses an answer it does not know instead of dropping it', async () => {
    const h = randomUUID();
    await applyEvents(db.dataSource, projection, [enrolled(h)]);
    await expect(applyEvents(db.dataSource, projection, [rated(h, 'delighted')])).rejects.toThrow('unknown satisfaction response');
  });
});
