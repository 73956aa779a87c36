import { randomUUID } from 'node:crypto';
import { suppressSmallCells } from '@libs/auth';
import { RecordedEvent } from '@libs/event-store';
import { answerIndicator } from '@libs/indicators';
import { applyEvents, householdEnrolled, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { satisfactionRatesIndicators } from './satisfaction-rates.indicators';
import { satisfactionRatesProjection as projection } from './satisfaction-rates.projection';

const VILLAGE = '640106001002';
const enrolled = (householdId: string, village = VILLAGE) => householdEnrolled(householdId, village, { category: 'elderly', members: 2 });
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

  it('keeps each response with its household and cell, for the distinct households behind a rate', async () => {
    const h = randomUUID();
    const answer = rated(h, 'neutral');
    await applyEvents(db.dataSource, projection, [enrolled(h), answer]);
    const { village_code, township_code, district_code, city_code, department_code, service_type_code, focus_area, period } = row(
      0,
      0,
      0,
      0,
    );
    expect(await tableRows(db.dataSource, projection, 'responses')).toEqual([
      {
        service_id: answer.data.serviceId,
        response: 'neutral',
        household_id: h,
        ...{ village_code, township_code, district_code, city_code, department_code, service_type_code, focus_area, period },
      },
    ]);
  });

  it('keeps the valid responses of each household, whose largest bounds the households behind a rate', async () => {
    const h = randomUUID();
    await applyEvents(db.dataSource, projection, [enrolled(h), rated(h, 'satisfied'), rated(h, 'dissatisfied'), rated(h, 'no-answer')]);
    expect(await tableRows(db.dataSource, projection, 'valid_responses_per_household')).toEqual([{ household_id: h, n: 2 }]);
  });

  it('counts households only where the bound leaves the decision open, and withholds few households however many responses', async () => {
    // One household's 6 valid responses (the most: M = 6) in ...002; 30 of six households in ...003 (>= 5M: not
    // counted, published); 2 in ...004 (< 5: not counted, withheld); 5 of five households in ...005 (counted).
    const events: RecordedEvent[] = [];
    const households = (village: string, count: number, responses: number) => {
      for (let i = 0; i < count; i++) {
        const h = randomUUID();
        events.push(enrolled(h, village), ...Array.from({ length: responses }, () => rated(h, 'satisfied')));
      }
    };
    households('640106001002', 1, 6);
    households('640106001003', 6, 5);
    households('640106001004', 2, 1);
    households('640106001005', 5, 1);
    await applyEvents(db.dataSource, projection, events);
    const [indicator] = satisfactionRatesIndicators;
    const answer = await answerIndicator(db.dataSource, indicator, {
      orgUnit: '640106001',
      orgUnitLevel: 'township',
      level: 'village',
      by: [],
    });
    const analyst = { sub: 'a', roles: ['analyst' as const], ou: '640100', scopes: [] };
    const cells = suppressSmallCells(answer.rows, analyst).map((r) => [r.orgUnit, r.denominator, r.households, r.suppressed ?? false]);
    expect(cells).toEqual([
      ['640106001002', 6, 1, true],
      ['640106001003', 30, null, false],
      ['640106001004', 2, null, true],
      ['640106001005', 5, 5, false],
    ]);
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
