import { randomUUID } from 'node:crypto';
import { ensureActiveCopy } from '@libs/projection/copies';
import { applyEvents, openProjectionDatabase, ProjectionDatabase, recorded, tableRows } from '../shared/testing/harness';
import { screeningCountsProjection as projection } from './screening-counts.projection';

const village = '640104001001';
const stepOf = (id: string, on: string) => ({ screeningId: id, villageCode: village, on });
const at = <E extends { revision: bigint }>(event: E, revision: number): E => ({ ...event, revision: BigInt(revision) });

/** A record's history: registered, checked, tested twice, screened, found at high risk in March, offered and counselled in April. */
function chain(id: string) {
  const stream = `screening-${id}`;
  const events = [
    recorded('ScreeningSubjectRegistered', {
      screeningId: id,
      villageCode: village,
      subjectKind: 'couple',
      person: { name: 'x', idNumber: 'y' },
    }),
    recorded('PrePregnancyCheckDone', { ...stepOf(id, '2012-03-02'), result: 'normal' }),
    recorded('FiveItemTestDone', { ...stepOf(id, '2012-03-02'), result: 'normal' }),
    recorded('FiveItemTestDone', { ...stepOf(id, '2012-03-09'), result: 'abnormal' }),
    recorded('TwoItemScreeningDone', { ...stepOf(id, '2012-03-20'), result: 'abnormal' }),
    recorded('HighRiskFound', { ...stepOf(id, '2012-03-31'), finding: 'z' }),
    recorded('GeneticCounsellingOffered', stepOf(id, '2012-04-01')),
    recorded('GeneticCounsellingTaken', { ...stepOf(id, '2012-04-03'), advice: 'w' }),
  ];
  return events.map((event, i) => at({ ...event, stream }, i));
}

const row = (period: number, counts: Record<string, string>) => ({
  village_code: village,
  township_code: '640104001',
  district_code: '640104',
  city_code: '640100',
  period,
  checks: '0',
  five_item_tests: '0',
  two_item_screenings: '0',
  high_risk: '0',
  counselling_offered: '0',
  counselled: '0',
  ...counts,
});
const march = row(201203, {
  checks: '1',
  five_item_tests: '2',
  two_item_screenings: '1',
  high_risk: '1',
  counselling_offered: '1',
  counselled: '1',
});

describe('screening counts projection', () => {
  let db: ProjectionDatabase;
  beforeEach(async () => {
    db = await openProjectionDatabase();
    await ensureActiveCopy(db.dataSource.manager, projection);
  });
  afterEach(() => db.close());

  it('counts each step in the local month done, and counselling in the month of the finding', async () => {
    await applyEvents(db.dataSource, projection, chain(randomUUID()));
    expect(await tableRows(db.dataSource, projection, 'screening_counts')).toEqual([march]);
  });

  it('keeps each record once per count and month it is counted in, however many tests it had', async () => {
    const id = randomUUID();
    await applyEvents(db.dataSource, projection, chain(id));
    const subjects = await tableRows(db.dataSource, projection, 'screening_subjects');
    expect(subjects.map((r) => [r.counted, r.period, r.screening_id])).toEqual(
      expect.arrayContaining([
        ['five_item_tests', 201203, id],
        ['high_risk', 201203, id],
        ['counselled', 201203, id],
        ['counselling_offered', 201203, id],
      ]),
    );
    expect(subjects).toHaveLength(6);
    // Every counted event (both tests), whose largest count bounds the records behind a cell.
    expect(await tableRows(db.dataSource, projection, 'events_per_screening')).toEqual([{ screening_id: id, n: 7 }]);
  });

  it('counts an offer in the month of the finding it answers: the offers beside a rate are of the records behind its findings', async () => {
    const id = randomUUID();
    await applyEvents(db.dataSource, projection, chain(id));
    const counted = await tableRows(db.dataSource, projection, 'screening_counts');
    expect(counted.map((r) => [r.period, r.high_risk, r.counselling_offered])).toEqual([[201203, '1', '1']]);
    const subjects = await tableRows(db.dataSource, projection, 'screening_subjects');
    expect(subjects.filter((r) => r.counted === 'counselling_offered').map((r) => r.period)).toEqual([201203]);
  });

  it('remembers the month of the finding across batches', async () => {
    const events = chain(randomUUID());
    await applyEvents(db.dataSource, projection, events, { oneByOne: true });
    expect(await tableRows(db.dataSource, projection, 'screening_counts')).toEqual([march]);
  });

  it('changes nothing when every event is delivered twice, in one batch or later', async () => {
    const events = chain(randomUUID());
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    await applyEvents(db.dataSource, projection, events);
    await applyEvents(db.dataSource, projection, events.slice(2, 5), { oneByOne: true });
    expect(await tableRows(db.dataSource, projection, 'screening_counts')).toEqual([march]);
  });

  it("keeps the counts when a person's data is erased, and keeps no personal field", async () => {
    const id = randomUUID();
    const erased = at(
      {
        ...recorded('ScreeningPersonErased', { screeningId: id, villageCode: village, legalBasis: 'consent-withdrawn' }),
        stream: `screening-${id}`,
      },
      8,
    );
    await applyEvents(db.dataSource, projection, [...chain(id), erased]);
    expect(await tableRows(db.dataSource, projection, 'screening_counts')).toEqual([march]);
    expect(await tableRows(db.dataSource, projection, 'screenings')).toEqual([
      { screening_id: id, last_revision: '8', high_risk_period: 201203 },
    ]);
  });
});
