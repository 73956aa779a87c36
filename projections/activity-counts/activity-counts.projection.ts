/**
 * Writes activity counts (activity-counts.tables.ts): an activity held adds its figures, a correction takes
 * away what was counted before and adds what is right, a cancellation takes away what was counted. Each
 * event is applied once: an activity's row remembers the last revision applied (redelivered ones are skipped).
 */
import { EntityManager } from 'typeorm';
import { ActivityEvent, ActivityFacts } from '@libs/domain/activity';
import { columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { ACTIVITY_COUNTS, activityCountsReadModel } from './activity-counts.tables';

const COUNT_KEY = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'kind', 'focus_area', 'department_code'),
  ...columnsOf('int', 'period'),
];

/** The four path columns (village first) of an org unit of any level: its own code fills the levels below it. */
export function activityPath(orgUnitCode: string): [string, string, string, string] {
  const city = `${orgUnitCode.slice(0, 4)}00`;
  const district = orgUnitCode.length >= 6 && orgUnitCode !== city ? orgUnitCode.slice(0, 6) : city;
  const township = orgUnitCode.length >= 9 ? orgUnitCode.slice(0, 9) : district;
  const village = orgUnitCode.length === 12 ? orgUnitCode : township;
  return [village, township, district, city];
}

function countsOf(facts: ActivityFacts, sign: 1 | -1): Record<string, number> {
  const { materials: m } = facts;
  const values = [1, facts.sessions, facts.attendance, facts.costFen, m.boards, m.walls, m.billboards, m.lightBoxes];
  return Object.fromEntries(ACTIVITY_COUNTS.map((column, i) => [column, sign * values[i]]));
}

function add(deltas: CountDeltas, facts: ActivityFacts, sign: 1 | -1): void {
  const period = Number(facts.heldOn.slice(0, 4) + facts.heldOn.slice(5, 7));
  deltas.add([...activityPath(facts.orgUnitCode), facts.kind, facts.focusArea, facts.departmentCode, period], countsOf(facts, sign));
}

/** Pure: folds `events` given each activity's last applied revision (`applied`, updated in place). */
export function foldActivities(applied: Map<string, bigint>, events: readonly RecordedOf<ActivityEvent>[]) {
  const deltas = new CountDeltas(COUNT_KEY, [...ACTIVITY_COUNTS]);
  const rows = new RowChanges<[string, bigint]>(
    [...columnsOf('text', 'activity_id'), ...columnsOf('bigint', 'last_revision')],
    ([id, revision]) => [id, revision.toString()],
  );
  for (const event of events) {
    const id = event.data.activityId;
    if ((applied.get(id) ?? -1n) >= event.revision) continue;
    applied.set(id, event.revision);
    rows.set(id, [id, event.revision]);
    if (event.type === 'GroupActivityHeld') add(deltas, event.data, 1);
    if (event.type === 'GroupActivityCorrected') {
      add(deltas, event.data.before, -1);
      add(deltas, event.data.after, 1);
    }
    if (event.type === 'GroupActivityCancelled') add(deltas, event.data.before, -1);
  }
  return { deltas, rows };
}

export const activityCountsProjection: Projection<ActivityEvent> = {
  ...activityCountsReadModel,
  bulkWritten: true,
  handles: ['GroupActivityHeld', 'GroupActivityCorrected', 'GroupActivityCancelled'],
  async applyBatch(events: readonly RecordedOf<ActivityEvent>[], tx: EntityManager, s: string): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.activityId))];
    const known = await selectByKeys<{ activity_id: string; last_revision: string }>(tx, `${s}.activities`, 'activity_id', ids);
    const { deltas, rows } = foldActivities(new Map(known.map((r) => [r.activity_id, BigInt(r.last_revision)])), events);
    await rows.write(tx, `${s}.activities`, 'activity_id', ['last_revision']);
    await deltas.write(tx, `${s}.activity_counts`, ['village_code', 'kind', 'focus_area', 'department_code', 'period'], 'bigint');
  },
};
