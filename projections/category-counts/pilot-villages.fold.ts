/**
 * Pilot villages in category-counts (beside the households they count, so pilot coverage and enrolments outside
 * pilot villages are one statement over one copy): `pilot_villages`, one row per village ever designated, is
 * the guard; `pilot_village_changes` holds the stock's changes (+1 designated, -1 withdrawn) by local day.
 */
import { EntityManager } from 'typeorm';
import { localDayOf } from '@libs/calendar';
import { PilotVillageEvent } from '@libs/domain/pilot-village';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { RecordedOf } from '@libs/projection/projection';
import { orgUnitValues } from '@libs/indicators/org-unit-path';

export interface PilotRow {
  village_code: string;
  pilot: boolean;
  last_position: bigint;
}

const PILOT_COLUMNS: BulkColumn[] = [
  { name: 'village_code', type: 'text' },
  { name: 'pilot', type: 'boolean' },
  { name: 'last_position', type: 'bigint' },
];
const CHANGE_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code'),
  { name: 'day', type: 'int' },
];

/** Pure: folds designations and withdrawals over the villages' rows (updated in place); what to write. */
export function foldPilotVillages(villages: Map<string, PilotRow>, events: readonly RecordedOf<PilotVillageEvent>[]) {
  const rows = new RowChanges<PilotRow>(PILOT_COLUMNS, (v) => [v.village_code, v.pilot, v.last_position]);
  const changes = new CountDeltas(CHANGE_KEY, ['pilots']);
  for (const event of events) {
    const code = event.data.villageCode;
    const old = villages.get(code);
    if (old && old.last_position >= event.position.commit) continue;
    const pilot = event.type === 'PilotVillageDesignated';
    if ((old?.pilot ?? false) === pilot) continue;
    const next = { village_code: code, pilot, last_position: event.position.commit };
    changes.add([...orgUnitValues(code), localDayOf(event.metadata.occurredAt)], { pilots: pilot ? 1 : -1 });
    villages.set(code, next);
    rows.set(code, next);
  }
  return { rows, changes };
}

export async function applyPilotVillages(events: readonly RecordedOf<PilotVillageEvent>[], tx: EntityManager, s: string): Promise<void> {
  if (events.length === 0) return;
  const loaded = await selectByKeys<PilotRow & { last_position: string }>(
    tx,
    `${s}.pilot_villages`,
    'village_code',
    events.map((e) => e.data.villageCode),
  );
  const villages = new Map(loaded.map((v) => [v.village_code, { ...v, last_position: BigInt(v.last_position) }]));
  const { rows, changes } = foldPilotVillages(villages, events);
  await rows.write(tx, `${s}.pilot_villages`, 'village_code', ['pilot', 'last_position']);
  await changes.write(tx, `${s}.pilot_village_changes`, ['village_code', 'day']);
}
