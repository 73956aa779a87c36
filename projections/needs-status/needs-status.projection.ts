/**
 * Writes needs by status (see needs-status.tables.ts): a recorded need counts as open in its household's
 * village, focus area, kind and month; the first service that answers it moves it to met (a need answered
 * again, or a duplicate delivery, finds it met already and changes nothing). A batch loads the needs and
 * households it names, folds its events over them (`foldNeeds`, pure) and writes in four statements.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled, NeedRecorded, ServiceDelivered } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { HouseholdVillages, OrgPath } from '../shared/household-villages';
import { needsStatusReadModel } from './needs-status.tables';

type Handled = HouseholdEnrolled | NeedRecorded | ServiceDelivered;

export interface NeedRow {
  need_id: string;
  household_id: string;
  path: OrgPath;
  focus_area: string;
  kind: string;
  period: number;
  status: 'open' | 'met';
}

const NEED_COLUMNS: BulkColumn[] = [
  ...columnsOf('text', 'need_id', 'household_id', 'village_code', 'township_code', 'district_code', 'city_code', 'focus_area', 'kind'),
  { name: 'period', type: 'int' },
  { name: 'status', type: 'text' },
];
const COUNT_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'focus_area', 'kind'),
  { name: 'period', type: 'int' },
];

const needKey = (n: NeedRow) => [...n.path, n.focus_area, n.kind, n.period];
/** Needs recorded per household: the largest bounds the households behind a cell (libs/indicators/household-bound.ts). */
const BOUND_KEY: BulkColumn[] = columnsOf('text', 'household_id');

/** Pure: folds `events` over the needs they name (`needs`, updated in place) and the households' paths. */
export function foldNeeds(needs: Map<string, NeedRow>, villages: HouseholdVillages, events: readonly RecordedOf<Handled>[]) {
  const rows = new RowChanges<NeedRow>(NEED_COLUMNS, (n) => [
    n.need_id,
    n.household_id,
    ...n.path,
    n.focus_area,
    n.kind,
    n.period,
    n.status,
  ]);
  const deltas = new CountDeltas(COUNT_KEY, ['open', 'met']);
  const perHousehold = new CountDeltas(BOUND_KEY, ['n']);
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') villages.remember(event);
    if (event.type === 'NeedRecorded') {
      const data = event.data;
      if (needs.has(data.needId)) continue;
      const need: NeedRow = {
        need_id: data.needId,
        household_id: data.householdId,
        path: villages.pathOf(data.householdId),
        focus_area: data.focusArea,
        kind: data.kind,
        period: monthOf(event.metadata.occurredAt),
        status: 'open',
      };
      needs.set(need.need_id, need);
      rows.set(need.need_id, need);
      deltas.add(needKey(need), { open: 1 });
      // Open or met, a need stays in the cell sizes (open + met): counted once, when recorded.
      perHousehold.add([need.household_id], { n: 1 });
    }
    if (event.type === 'ServiceDelivered') {
      const need = needs.get(event.data.needId ?? '');
      if (need?.status !== 'open') continue;
      const met: NeedRow = { ...need, status: 'met' };
      needs.set(met.need_id, met);
      rows.set(met.need_id, met);
      deltas.add(needKey(met), { open: -1, met: 1 });
    }
  }
  return { rows, deltas, perHousehold };
}

interface StoredNeed extends Omit<NeedRow, 'path'> {
  village_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
}

async function loadNeeds(tx: EntityManager, s: string, events: readonly RecordedOf<Handled>[]): Promise<Map<string, NeedRow>> {
  const ids = events.flatMap((e) => (e.type !== 'HouseholdEnrolled' && e.data.needId !== undefined ? [e.data.needId] : []));
  const stored = await selectByKeys<StoredNeed>(tx, `${s}.needs`, 'need_id', ids);
  return new Map(
    stored.map(({ village_code, township_code, district_code, city_code, ...n }) => [
      n.need_id,
      { ...n, path: [village_code, township_code, district_code, city_code] },
    ]),
  );
}

export const needsStatusProjection: Projection<Handled> = {
  ...needsStatusReadModel,
  bulkWritten: true,
  handles: ['HouseholdEnrolled', 'NeedRecorded', 'ServiceDelivered'],
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const villages = await HouseholdVillages.load(tx, s, events);
    const { rows, deltas, perHousehold } = foldNeeds(await loadNeeds(tx, s, events), villages, events);
    await villages.save(tx, s);
    await rows.write(tx, `${s}.needs`, 'need_id', ['status']);
    await perHousehold.write(tx, `${s}.needs_per_household`, ['household_id']);
    await deltas.write(tx, `${s}.need_counts`, ['village_code', 'focus_area', 'kind', 'period']);
  },
};
