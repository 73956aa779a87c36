/**
 * Writes satisfaction counts (see satisfaction-rates.tables.ts): each service's answer once (by service id)
 * in its household's village, department, service type, focus area and month. A batch loads the answers
 * and households it names, folds its events (`foldResponses`, pure) and writes in three statements.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled, SatisfactionRecorded } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { HouseholdVillages } from '../shared/household-villages';
import { satisfactionRatesReadModel } from './satisfaction-rates.tables';

/** Answer to count column; anything else is poison (parked), not silently dropped. */
const COLUMN: Record<string, string> = {
  satisfied: 'satisfied',
  neutral: 'neutral',
  dissatisfied: 'dissatisfied',
  'no-answer': 'no_answer',
};

type Handled = HouseholdEnrolled | SatisfactionRecorded;

const COUNT_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'department_code', 'service_type_code', 'focus_area'),
  { name: 'period', type: 'int' },
];

/** Pure: folds `events` given the services already answered (`answered`, updated in place) and the households' paths. */
export function foldResponses(answered: Set<string>, villages: HouseholdVillages, events: readonly RecordedOf<Handled>[]) {
  const responses = new RowChanges<[string, string]>(columnsOf('text', 'service_id', 'response'), (row) => row);
  const deltas = new CountDeltas(COUNT_KEY, Object.values(COLUMN));
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') villages.remember(event);
    if (event.type !== 'SatisfactionRecorded') continue;
    const data = event.data;
    const column = COLUMN[data.response];
    if (!column) throw new Error(`unknown satisfaction response ${String(data.response).slice(0, 20)}`);
    const path = villages.pathOf(data.householdId);
    if (answered.has(data.serviceId)) continue;
    answered.add(data.serviceId);
    responses.set(data.serviceId, [data.serviceId, data.response]);
    deltas.add([...path, data.departmentCode, data.serviceTypeCode, data.focusArea, monthOf(event.metadata.occurredAt)], { [column]: 1 });
  }
  return { responses, deltas };
}

export const satisfactionRatesProjection: Projection<Handled> = {
  ...satisfactionRatesReadModel,
  bulkWritten: true,
  handles: ['HouseholdEnrolled', 'SatisfactionRecorded'],
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const villages = await HouseholdVillages.load(tx, s, events);
    const ids = events.flatMap((e) => (e.type === 'SatisfactionRecorded' ? [e.data.serviceId] : []));
    const answered = new Set(
      (await selectByKeys<{ service_id: string }>(tx, `${s}.responses`, 'service_id', ids)).map((r) => r.service_id),
    );
    const { responses, deltas } = foldResponses(answered, villages, events);
    await villages.save(tx, s);
    await responses.write(tx, `${s}.responses`, 'service_id', []);
    await deltas.write(tx, `${s}.satisfaction_counts`, ['village_code', 'department_code', 'service_type_code', 'focus_area', 'period']);
  },
};
