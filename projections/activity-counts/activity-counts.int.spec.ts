import { randomUUID } from 'node:crypto';
import { ActivityFacts } from '@libs/domain/activity';
import { applyEvents, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { activityCountsProjection as projection, activityPath } from './activity-counts.projection';

const facts: ActivityFacts = {
  kind: 'lecture',
  focusArea: 'health',
  orgUnitCode: '640104001001',
  departmentCode: 'health',
  heldOn: '2012-03-31',
  sessions: 2,
  attendance: 120,
  costFen: 50_000,
  materials: { boards: 1, walls: 0, billboards: 0, lightBoxes: 2 },
};
const at = <E extends { revision: bigint }>(event: E, revision: number): E => ({ ...event, revision: BigInt(revision) });
const held = (id: string, over: Partial<ActivityFacts> = {}) =>
  at(recorded('GroupActivityHeld', { activityId: id, reason: 'plan', ...facts, ...over }, '2012-04-01T02:00:00.000Z', `activity-${id}`), 0);
const corrected = (id: string, after: ActivityFacts) =>
  at(
    recorded(
      'GroupActivityCorrected',
      { activityId: id, reason: 'recount', before: facts, after },
      '2012-04-02T02:00:00.000Z',
      `activity-${id}`,
    ),
    1,
  );
const cancelled = (id: string, before: ActivityFacts, revision: number) =>
  at(
    recorded('GroupActivityCancelled', { activityId: id, reason: 'twice', before }, '2012-04-03T02:00:00.000Z', `activity-${id}`),
    revision,
  );
const row = (village: string, counts: Partial<Record<string, string>>) => ({
  village_code: village,
  township_code: village.slice(0, 9),
  district_code: village.slice(0, 6),
  city_code: '640100',
  kind: 'lecture',
  focus_area: 'health',
  department_code: 'health',
  period: 201203,
  activities: '1',
  sessions: '2',
  attendance: '120',
  cost_fen: '50000',
  boards: '1',
  walls: '0',
  billboards: '0',
  light_boxes: '2',
  ...counts,
});

describe('activity counts projection', () => {
  const db = databasePerTest(projection);

  it('counts an activity in the local month it was held, in its org unit', async () => {
    await applyEvents(db.dataSource, projection, [held(randomUUID())]);
    expect(await tableRows(db.dataSource, projection, 'activity_counts')).toEqual([row('640104001001', {})]);
  });

  it("moves a corrected activity's counts from what was recorded to what is right, and takes a cancelled one out", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const after = { ...facts, attendance: 150 };
    await applyEvents(db.dataSource, projection, [held(a), corrected(a, after), held(b), cancelled(b, facts, 1)]);
    const rows = await tableRows(db.dataSource, projection, 'activity_counts');
    expect(rows).toEqual([row('640104001001', { attendance: '150' })]);
  });

  it('changes nothing when every event is delivered twice, in one batch or later', async () => {
    const a = randomUUID();
    const events = [held(a), corrected(a, { ...facts, sessions: 3 })];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    await applyEvents(db.dataSource, projection, events);
    expect(await tableRows(db.dataSource, projection, 'activity_counts')).toEqual([row('640104001001', { sessions: '3' })]);
  });

  it('fills the levels below an activity held at a district with the district itself', () => {
    expect(activityPath('640104')).toEqual(['640104', '640104', '640104', '640100']);
    expect(activityPath('640104001')).toEqual(['640104001', '640104001', '640104', '640100']);
    expect(activityPath('640100')).toEqual(['640100', '640100', '640100', '640100']);
  });
});
