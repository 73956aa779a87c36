/**
 * Pilot villages in category-counts (beside the households they count, so pilot coverage and enrolments outside
 * pilot villages are one statement over one copy): `pilot_villages`, one row per village ever designated, is
 * the guard; `pilot_village_changes` holds the stock's changes (+1 designated, -1 withdrawn) by local day.
 * A village's row moves only for an event later in the log than its last one: the whole position (commit, then
 * prepare), since the events of one append share a commit on EventStoreDB.
 */
import { EntityManager } from 'typeorm';
import { localDayOf } from '@libs/calendar';
import { PilotVillageEvent } from '@libs/domain/pilot-village';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { RecordedOf } from '@libs/projection/projection';
import { orgUnitValues } from '@libs/indicators/org-unit-path';
import { MOVED_AT_COLUMNS, MOVED_AT_NAMES, movedAt, MovedAt, movesRow, parsedMovedAt, SelectedMovedAt } from '../shared/moved-at';

export interface PilotRow extends MovedAt {
  village_code: string;
  pilot: boolean;
}

const PILOT_COLUMNS: BulkColumn[] = [{ name: 'village_code', type: 'text' }, { name: 'pilot', type: 'boolean' }, ...MOVED_AT_COLUMNS];
const CHANGE_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code'),
  { name: 'day', type: 'int' },
];

/** Pure: folds designations and withdrawals over the villages' rows (updated in place); what to write. */
export function foldPilotVillages(villages: Map<string, PilotRow>, events: readonly RecordedOf<PilotVillageEvent>[]) {
  const rows = new RowChanges<PilotRow>(PILOT_COLUMNS, (v) => [v.village_code, v.pilot, v.last_commit, v.last_prepare]);
  const changes = new CountDeltas(CHANGE_KEY, ['pilots']);
  for (const event of events) {
    const code = event.data.villageCode;
    const old = villages.get(code);
    if (old && !movesRow(old, event.position)) continue;
    const pilot = event.type === 'PilotVillageDesignated';
    if ((old?.pilot ?? false) === pilot) continue;
    const next = { village_code: code, pilot, ...movedAt(event.position) };
    changes.add([...orgUnitValues(code), localDayOf(event.metadata.occurredAt)], { pilots: pilot ? 1 : -1 });
    villages.set(code, next);
    rows.set(code, next);
  }
  return { rows, changes };
}

export async function applyPilotVillages(events: readonly RecordedOf<PilotVillageEvent>[], tx: EntityManager, s: string): Promise<void> {
  if (events.length === 0) return;
  const loaded = await selectByKeys<SelectedMovedAt<PilotRow>>(
    tx,
    `${s}.pilot_villages`,
    'village_code',
    events.map((e) => e.data.villageCode),
  );
  const villages = new Map(loaded.map((v) => [v.village_code, parsedMovedAt<PilotRow>(v)]));
  const { rows, changes } = foldPilotVillages(villages, events);
  await rows.write(tx, `${s}.pilot_villages`, 'village_code', ['pilot', ...MOVED_AT_NAMES]);
  await changes.write(tx, `${s}.pilot_village_changes`, ['village_code', 'day']);
}
