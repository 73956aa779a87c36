/**
 * Writes the household register (see household-register.tables.ts). A batch loads the rows of the
 * households it names, folds its events over them in memory (`foldHouseholdRegister`, pure) and upserts
 * the changed rows in one statement. A row changes only for an event later in the log than its last one, so
 * an event delivered twice changes nothing. "Later" compares the whole position (commit, then prepare): on
 * EventStoreDB the events of one append (a household's history from the bulk loader) share a commit.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEvent, HouseholdRecategorized } from '@libs/domain/household';
import { BulkColumn, columnsOf, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { orgUnitValues } from '@libs/indicators/org-unit-path';
import { householdRegisterReadModel } from './household-register.tables';
import { MOVED_AT_COLUMNS, MOVED_AT_NAMES, MovedAt, movedAt, movesRow, parsedMovedAt, SelectedMovedAt } from '../shared/moved-at';

export interface RegisterRow extends MovedAt {
  household_id: string;
  village_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
  category: string;
  status: 'active' | 'withdrawn';
  certified: boolean;
  members: number;
  enrolment_year: number;
  enrolled_at: string;
}

const COLUMNS: BulkColumn[] = [
  ...columnsOf('text', 'household_id', 'village_code', 'township_code', 'district_code', 'city_code', 'category', 'status'),
  { name: 'certified', type: 'boolean' },
  ...columnsOf('int', 'members', 'enrolment_year'),
  { name: 'enrolled_at', type: 'text' },
  ...MOVED_AT_COLUMNS,
];

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

type Changed = Pick<RegisterRow, 'category' | 'status' | 'certified'>;

/** How each later event changes a row; undefined when it changes nothing. */
const TRANSITIONS: Record<
  Exclude<Handled['type'], 'HouseholdEnrolled'>,
  (row: Changed, data: Partial<HouseholdRecategorized['data']>) => Changed | undefined
> = {
  HouseholdRecategorized: (row, { to }) => (to !== undefined && to !== row.category ? { ...row, category: to } : undefined),
  HouseholdWithdrawn: (row) => (row.status === 'active' ? { ...row, status: 'withdrawn', certified: false } : undefined),
  HouseholdCertified: (row) => (row.status === 'active' && !row.certified ? { ...row, certified: true } : undefined),
  CertificationRevoked: (row) => (row.certified ? { ...row, certified: false } : undefined),
};

/** Pure: folds `events` over `rows` (updated in place) and returns the rows to write. */
export function foldHouseholdRegister(rows: Map<string, RegisterRow>, events: readonly RecordedOf<Handled>[]): RowChanges<RegisterRow> {
  const changes = new RowChanges<RegisterRow>(COLUMNS, (row) => COLUMNS.map((c) => row[c.name as keyof RegisterRow]));
  for (const event of events) {
    const old = rows.get(event.data.householdId);
    let next: RegisterRow | undefined;
    if (event.type === 'HouseholdEnrolled') {
      if (!old) next = enrolledRow(event);
    } else if (old && movesRow(old, event.position)) {
      const changed = TRANSITIONS[event.type](old, event.data);
      if (changed) next = { ...old, ...changed, ...movedAt(event.position) };
    }
    if (!next) continue;
    rows.set(next.household_id, next);
    changes.set(next.household_id, next);
  }
  return changes;
}

function enrolledRow(event: RecordedOf<Extract<Handled, { type: 'HouseholdEnrolled' }>>): RegisterRow {
  const { data } = event;
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
    members: data.members,
    enrolment_year: data.enrolmentYear,
    enrolled_at: event.metadata.occurredAt,
    ...movedAt(event.position),
  };
}

export const householdRegisterProjection: Projection<Handled> = {
  ...householdRegisterReadModel,
  bulkWritten: true,
  handles: HANDLES,
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const ids = events.map((e) => e.data.householdId);
    const loaded = await selectByKeys<SelectedMovedAt<RegisterRow>>(tx, `${s}.households`, 'household_id', ids);
    const rows = new Map(loaded.map((row) => [row.household_id, parsedMovedAt<RegisterRow>(row)]));
    await foldHouseholdRegister(rows, events).write(tx, `${s}.households`, 'household_id', [
      'category',
      'status',
      'certified',
      ...MOVED_AT_NAMES,
    ]);
  },
};
