/**
 * Writes satisfaction counts (see satisfaction-rates.tables.ts): each service's answer once (by service id)
 * in its household's village, department, service type, focus area and month. A batch loads the answers
 * and households it names, folds its events (`foldResponses`, pure) and writes in four statements.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled, SatisfactionRecorded } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { BulkColumn, CellValue, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
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

/**
 * One row per answered service: the guard, and (with its household and cell) what the distinct households
 * behind a rate are counted from (libs/indicators/distinct-households.ts).
 */
const RESPONSE_COLUMNS: BulkColumn[] = [...columnsOf('text', 'service_id', 'response', 'household_id'), ...COUNT_KEY];

/** Valid responses per household: the largest bounds the households behind a rate (libs/indicators/household-bound.ts). */
const BOUND_KEY: BulkColumn[] = columnsOf('text', 'household_id');

/** Pure: folds `events` given the services already answered (`answered`, updated in place) and the households' paths. */
export function foldResponses(answered: Set<string>, villages: HouseholdVillages, events: readonly RecordedOf<Handled>[]) {
  const responses = new RowChanges<CellValue[]>(RESPONSE_COLUMNS, (row) => row);
  const deltas = new CountDeltas(COUNT_KEY, Object.values(COLUMN));
  const perHousehold = new CountDeltas(BOUND_KEY, ['n']);
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') villages.remember(event);
    if (event.type !== 'SatisfactionRecorded') continue;
    const data = event.data;
    const column = COLUMN[data.response];
    if (!column) throw new Error(`unknown satisfaction response ${String(data.response).slice(0, 20)}`);
    const path = villages.pathOf(data.householdId);
    if (answered.has(data.serviceId)) continue;
    answered.add(data.serviceId);
    const cell = [...path, data.departmentCode, data.serviceTypeCode, data.focusArea, monthOf(event.metadata.occurredAt)];
    responses.set(data.serviceId, [data.serviceId, data.response, data.householdId, ...cell]);
    deltas.add(cell, { [column]: 1 });
    // Only what the denominator counts: no-answer is beside it.
    if (column !== 'no_answer') perHousehold.add([data.householdId], { n: 1 });
  }
  return { responses, deltas, perHousehold };
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
    const { responses, deltas, perHousehold } = foldResponses(answered, villages, events);
    await villages.save(tx, s);
    await responses.write(tx, `${s}.responses`, 'service_id', []);
    await perHousehold.write(tx, `${s}.valid_responses_per_household`, ['household_id']);
    await deltas.write(tx, `${s}.satisfaction_counts`, ['village_code', 'department_code', 'service_type_code', 'focus_area', 'period']);
  },
};
