/**
 * Writes the category counts (see category-counts.tables.ts). Recategorisation moves a household's count
 * from one category to another, withdrawal from active to withdrawn, certification and its revocation move
 * the certified count; each only when the household row's last position is earlier in the log than the event
 * (the whole position, commit then prepare: the events of one append share a commit on EventStoreDB) and the
 * transition's guard holds. A batch loads the rows of its households, folds its events over them in memory
 * (`foldCategoryCounts`, pure) and writes the changed rows and the summed count deltas in two statements.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled, HouseholdEvent, HouseholdRecategorized } from '@libs/domain/household';
import { localDayOf } from '@libs/calendar';
import { monthOf } from '@libs/periods';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { orgUnitValues } from '@libs/indicators/org-unit-path';
import { PilotVillageEvent } from '@libs/domain/pilot-village';
import { categoryCountsReadModel } from './category-counts.tables';
import { applyPilotVillages } from './pilot-villages.fold';
import { MOVED_AT_COLUMNS, MOVED_AT_NAMES, MovedAt, movedAt, movesRow, parsedMovedAt, SelectedMovedAt } from '../shared/moved-at';

type Handled = Extract<
  HouseholdEvent,
  { type: 'HouseholdEnrolled' | 'HouseholdRecategorized' | 'HouseholdWithdrawn' | 'HouseholdCertified' | 'CertificationRevoked' }
>;
const HANDLES: readonly Handled['type'][] = [
  'HouseholdEnrolled',
  'HouseholdRecategorized',
  'HouseholdWithdrawn',
  'HouseholdCertified',
  'CertificationRevoked',
];
const PILOT_TYPES: readonly PilotVillageEvent['type'][] = ['PilotVillageDesignated', 'PilotVillageDesignationWithdrawn'];

export interface HouseholdRow extends MovedAt {
  household_id: string;
  village_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
  category: string;
  status: 'active' | 'withdrawn';
  certified: boolean;
  enrolment_year: number;
  period: number;
}

const HOUSEHOLD_COLUMNS: BulkColumn[] = [
  ...columnsOf('text', 'household_id', 'village_code', 'township_code', 'district_code', 'city_code', 'category', 'status'),
  { name: 'certified', type: 'boolean' },
  ...columnsOf('int', 'enrolment_year', 'period'),
  ...MOVED_AT_COLUMNS,
];
const COUNT_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'category'),
  ...columnsOf('int', 'enrolment_year', 'period'),
];
const COUNTS = ['active', 'withdrawn', 'certified'];
/** The stocks' changes: by the local day the household's state changed, not the month it enrolled. */
const STOCK_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'category'),
  { name: 'day', type: 'int' },
];
const STOCK_COUNTS = ['active', 'certified'];

type Counted = Pick<HouseholdRow, 'category' | 'status' | 'certified'>;

/** What a household contributes to the counts of its category: +1 where it is counted. */
function contribution(h: Counted): Record<string, number> {
  return { active: Number(h.status === 'active'), withdrawn: Number(h.status === 'withdrawn'), certified: Number(h.certified) };
}

/** A transition of an existing household row: its new state, or undefined when the guard does not hold. */
const TRANSITIONS: Record<
  Exclude<Handled['type'], 'HouseholdEnrolled'>,
  (h: Counted, data: Partial<HouseholdRecategorized['data']>) => Counted | undefined
> = {
  HouseholdRecategorized: (h, { to }) => (to !== undefined && h.category !== to ? { ...h, category: to } : undefined),
  HouseholdWithdrawn: (h) => (h.status === 'active' ? { ...h, status: 'withdrawn', certified: false } : undefined),
  HouseholdCertified: (h) => (h.status === 'active' && !h.certified ? { ...h, certified: true } : undefined),
  CertificationRevoked: (h) => (h.certified ? { ...h, certified: false } : undefined),
};

function countKey(h: HouseholdRow, category = h.category): (string | number)[] {
  return [h.village_code, h.township_code, h.district_code, h.city_code, category, h.enrolment_year, h.period];
}

const stockKey = (h: HouseholdRow, day: number) => [h.village_code, h.township_code, h.district_code, h.city_code, h.category, day];
const stockOf = (h: Counted) => ({ active: Number(h.status === 'active'), certified: Number(h.certified) });

/** Pure: folds `events` over the household rows they name (`households`, updated in place); returns what to write. */
export function foldCategoryCounts(households: Map<string, HouseholdRow>, events: readonly RecordedOf<Handled>[]) {
  const rows = new RowChanges<HouseholdRow>(HOUSEHOLD_COLUMNS, (h) => HOUSEHOLD_COLUMNS.map((c) => h[c.name as keyof HouseholdRow]));
  const deltas = new CountDeltas(COUNT_KEY, COUNTS);
  const stock = new CountDeltas(STOCK_KEY, STOCK_COUNTS);
  for (const event of events) {
    const old = households.get(event.data.householdId);
    let next: HouseholdRow | undefined;
    if (event.type === 'HouseholdEnrolled') {
      if (!old) next = enrolledRow(event);
    } else if (old && movesRow(old, event.position) && event.type in TRANSITIONS) {
      const changed = TRANSITIONS[event.type](old, event.data);
      if (changed) next = { ...old, ...changed, ...movedAt(event.position) };
    }
    if (!next) continue;
    const day = localDayOf(event.metadata.occurredAt);
    if (old) deltas.add(countKey(old), negate(contribution(old)));
    if (old) stock.add(stockKey(old, day), negate(stockOf(old)));
    deltas.add(countKey(next), contribution(next));
    stock.add(stockKey(next, day), stockOf(next));
    households.set(next.household_id, next);
    rows.set(next.household_id, next);
  }
  return { rows, deltas, stock };
}

function enrolledRow(event: RecordedOf<HouseholdEnrolled>): HouseholdRow {
  const data = event.data;
  const [village_code, township_code, district_code, city_code] = orgUnitValues(data.villageCode);
  return {
    household_id: data.householdId,
    village_code,
    township_code,
    district_code,
    city_code,
    category: data.category,
    status: 'active',
    certified: false,
    enrolment_year: data.enrolmentYear,
    period: monthOf(event.metadata.occurredAt),
    ...movedAt(event.position),
  };
}

function negate(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, -v]));
}

const isPilot = (e: RecordedOf<Handled | PilotVillageEvent>): e is RecordedOf<PilotVillageEvent> =>
  (PILOT_TYPES as readonly string[]).includes(e.type);

export const categoryCountsProjection: Projection<Handled | PilotVillageEvent> = {
  ...categoryCountsReadModel,
  bulkWritten: true,
  handles: [...HANDLES, ...PILOT_TYPES],
  async applyBatch(all: readonly RecordedOf<Handled | PilotVillageEvent>[], tx: EntityManager, s: string): Promise<void> {
    // Designations touch other rows than households': their own fold, in the same transaction.
    await applyPilotVillages(all.filter(isPilot), tx, s);
    const events = all.filter((e): e is RecordedOf<Handled> => !isPilot(e));
    if (events.length === 0) return;
    const ids = events.map((e) => e.data.householdId);
    const loaded = await selectByKeys<SelectedMovedAt<HouseholdRow>>(tx, `${s}.households`, 'household_id', ids);
    const households = new Map(loaded.map((h) => [h.household_id, parsedMovedAt<HouseholdRow>(h)]));
    const { rows, deltas, stock } = foldCategoryCounts(households, events);
    await rows.write(tx, `${s}.households`, 'household_id', ['category', 'status', 'certified', ...MOVED_AT_NAMES]);
    await deltas.write(tx, `${s}.category_counts`, ['village_code', 'category', 'enrolment_year', 'period']);
    await stock.write(tx, `${s}.household_stock_changes`, ['village_code', 'category', 'day']);
  },
};
