/**
 * Writes support payments (support-payments.tables.ts). Each event counts in the month (programme calendar)
 * it happened, in the household's village, programme and category at the grant: a grant adds what was
 * granted, a delivery what was handed over, a return what came back, a reversal books the grant and what
 * the household still held as reversed (in its own month, as an accountant books one: past months stand).
 * A grant moves only for an event of a later revision than its row's last one, so redelivery changes nothing.
 */
import { EntityManager } from 'typeorm';
import { HouseholdEnrolled } from '@libs/domain/household';
import { SupportEvent, SupportGranted } from '@libs/domain/support';
import { monthOf } from '@libs/periods';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { HouseholdVillages, OrgPath } from '../shared/household-villages';
import { SUPPORT_COUNTS, SupportCount, supportPaymentsReadModel } from './support-payments.tables';

type Handled = HouseholdEnrolled | SupportEvent;

const AMOUNTS = ['granted_fen', 'granted_units', 'delivered_fen', 'delivered_units', 'returned_fen', 'returned_units'] as const;

export interface GrantRow extends Record<(typeof AMOUNTS)[number], number> {
  support_id: string;
  household_id: string;
  path: OrgPath;
  programme_code: string;
  household_category: string;
  granted_at: string;
  status: 'granted' | 'reversed';
  last_revision: bigint;
}

const GRANT_COLUMNS: BulkColumn[] = [
  ...columnsOf('text', 'support_id', 'household_id', 'village_code', 'township_code', 'district_code', 'city_code'),
  ...columnsOf('text', 'programme_code', 'household_category', 'granted_at', 'status'),
  ...columnsOf('bigint', ...AMOUNTS, 'last_revision'),
];
const COUNT_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code', 'programme_code', 'household_category'),
  { name: 'period', type: 'int' },
];

type Deltas = Partial<Record<SupportCount, number>>;

/** How a later event moves a grant's row, and what it adds to the counts. */
function change(row: GrantRow, event: RecordedOf<Exclude<SupportEvent, SupportGranted>>): { row: GrantRow; deltas: Deltas } {
  switch (event.type) {
    case 'SupportDelivered': {
      const { amountFen, units } = event.data;
      const moved = { ...row, delivered_fen: row.delivered_fen + amountFen, delivered_units: row.delivered_units + units };
      return { row: moved, deltas: { deliveries: 1, delivered_fen: amountFen, delivered_units: units } };
    }
    case 'SupportReturned': {
      const { amountFen, units } = event.data;
      const moved = { ...row, returned_fen: row.returned_fen + amountFen, returned_units: row.returned_units + units };
      return { row: moved, deltas: { returns: 1, returned_fen: amountFen, returned_units: units } };
    }
    case 'SupportReversed': {
      const { grantedFen, grantedUnits, heldFen, heldUnits } = event.data;
      const deltas = {
        reversals: 1,
        reversed_fen: grantedFen,
        reversed_units: grantedUnits,
        reversed_held_fen: heldFen,
        reversed_held_units: heldUnits,
      };
      return { row: { ...row, status: 'reversed' }, deltas };
    }
  }
}

function grantRow(event: RecordedOf<SupportGranted>, path: OrgPath): GrantRow {
  const { supportId, householdId, programmeCode, householdCategory, amountFen, units } = event.data;
  return {
    support_id: supportId,
    household_id: householdId,
    path,
    programme_code: programmeCode,
    household_category: householdCategory,
    granted_at: event.metadata.occurredAt,
    status: 'granted',
    granted_fen: amountFen,
    granted_units: units,
    delivered_fen: 0,
    delivered_units: 0,
    returned_fen: 0,
    returned_units: 0,
    last_revision: event.revision,
  };
}

/** Pure: folds `events` over the grants they name (`grants`, updated in place) and the households' paths. */
export function foldSupport(grants: Map<string, GrantRow>, villages: HouseholdVillages, events: readonly RecordedOf<Handled>[]) {
  const rows = new RowChanges<GrantRow>(GRANT_COLUMNS, (g) => [
    g.support_id,
    g.household_id,
    ...g.path,
    g.programme_code,
    g.household_category,
    g.granted_at,
    g.status,
    ...AMOUNTS.map((column) => g[column]),
    g.last_revision,
  ]);
  const deltas = new CountDeltas(COUNT_KEY, [...SUPPORT_COUNTS]);
  const count = (g: GrantRow, occurredAt: string, d: Deltas) =>
    deltas.add([...g.path, g.programme_code, g.household_category, monthOf(occurredAt)], d);
  for (const event of events) {
    if (event.type === 'HouseholdEnrolled') {
      villages.remember(event);
      continue;
    }
    const known = grants.get(event.data.supportId);
    if (event.type === 'SupportGranted') {
      if (known) continue;
      const row = grantRow(event, villages.pathOf(event.data.householdId));
      grants.set(row.support_id, row);
      rows.set(row.support_id, row);
      count(row, event.metadata.occurredAt, { grants: 1, granted_fen: row.granted_fen, granted_units: row.granted_units });
      continue;
    }
    if (!known || known.last_revision >= event.revision) continue;
    const moved = change(known, event);
    const row = { ...moved.row, last_revision: event.revision };
    grants.set(row.support_id, row);
    rows.set(row.support_id, row);
    count(known, event.metadata.occurredAt, moved.deltas);
  }
  return { rows, deltas };
}

type StoredGrant = Omit<GrantRow, 'path' | 'last_revision' | (typeof AMOUNTS)[number]> &
  Record<'village_code' | 'township_code' | 'district_code' | 'city_code' | 'last_revision' | (typeof AMOUNTS)[number], string>;

async function loadGrants(tx: EntityManager, s: string, events: readonly RecordedOf<Handled>[]): Promise<Map<string, GrantRow>> {
  const ids = events.flatMap((e) => (e.type === 'HouseholdEnrolled' ? [] : [e.data.supportId]));
  const stored = await selectByKeys<StoredGrant>(tx, `${s}.support_grants`, 'support_id', ids);
  return new Map(
    stored.map((g) => [
      g.support_id,
      {
        ...g,
        path: [g.village_code, g.township_code, g.district_code, g.city_code],
        ...(Object.fromEntries(AMOUNTS.map((column) => [column, Number(g[column])])) as Record<(typeof AMOUNTS)[number], number>),
        last_revision: BigInt(g.last_revision),
      },
    ]),
  );
}

export const supportPaymentsProjection: Projection<Handled> = {
  ...supportPaymentsReadModel,
  bulkWritten: true,
  handles: ['HouseholdEnrolled', 'SupportGranted', 'SupportDelivered', 'SupportReturned', 'SupportReversed'],
  async applyBatch(events: readonly RecordedOf<Handled>[], tx: EntityManager, s: string): Promise<void> {
    const villages = await HouseholdVillages.load(tx, s, events);
    const { rows, deltas } = foldSupport(await loadGrants(tx, s, events), villages, events);
    await villages.save(tx, s);
    await rows.write(tx, `${s}.support_grants`, 'support_id', ['status', ...AMOUNTS, 'last_revision']);
    await deltas.write(tx, `${s}.support_counts`, ['village_code', 'programme_code', 'household_category', 'period'], 'bigint');
  },
};
