/**
 * Pilot villages in category-counts (beside the households they count, so pilot coverage and enrolments outside
 * pilot villages are one statement over one copy): `pilot_villages`, one row per village ever designated, is
 * the guard; `pilot_village_changes` holds the stock's changes (+1 designated, -1 withdrawn) by local day.
 * A village's row moves only for an event later in the log than its last one: the whole position (commit, then
 * prepare), since the events of one append share a commit on EventStoreDB.
 */
import { EntityManager } from 'typeorm';
import { localDayOf } from '@libs/calendar';
import { isAfter, Position } from '@libs/event-store/position';
import { PilotVillageEvent } from '@libs/domain/pilot-village';
import { BulkColumn, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { RecordedOf } from '@libs/projection/projection';
import { orgUnitValues } from '@libs/indicators/org-unit-path';

export interface PilotRow {
  village_code: string;
  pilot: boolean;
  /** The log position of the last event that moved the row: both parts, as a checkpoint keeps them. */
  last_commit: bigint;
  last_prepare: bigint;
}

const PILOT_COLUMNS: BulkColumn[] = [
  { name: 'village_code', type: 'text' },
  { name: 'pilot', type: 'boolean' },
  ...columnsOf('bigint', 'last_commit', 'last_prepare'),
];
const CHANGE_KEY: BulkColumn[] = [
  ...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code'),
  { name: 'day', type: 'int' },
];

const lastPosition = (v: PilotRow): Position => ({ commit: v.last_commit, prepare: v.last_prepare });

/** Pure: folds designations and withdrawals over the villages' rows (updated in place); what to write. */
export function foldPilotVillages(villages: Map<string, PilotRow>, events: readonly RecordedOf<PilotVillageEvent>[]) {
  const rows = new RowChanges<PilotRow>(PILOT_COLUMNS, (v) => [v.village_code, v.pilot, v.last_commit, v.last_prepare]);
  const changes = new CountDeltas(CHANGE_KEY, ['pilots']);
  for (const event of events) {
    const code = event.data.villageCode;
    const old = villages.get(code);
    if (old && !isAfter(event.position, lastPosition(old))) continue;
    const pilot = event.type === 'PilotVillageDesignated';
    if ((old?.pilot ?? false) === pilot) continue;
    const next = { village_code: code, pilot, last_commit: event.position.commit, last_prepare: event.position.prepare };
    changes.add([...orgUnitValues(code), localDayOf(event.metadata.occurredAt)], { pilots: pilot ? 1 : -1 });
    villages.set(code, next);
    rows.set(code, next);
  }
  return { rows, changes };
}

export async function applyPilotVillages(events: readonly RecordedOf<PilotVillageEvent>[], tx: EntityManager, s: string): Promise<void> {
  if (events.length === 0) return;
  const loaded = await selectByKeys<PilotRow & { last_commit: string; last_prepare: string }>(
    tx,
    `${s}.pilot_villages`,
    'village_code',
    events.map((e) => e.data.villageCode),
  );
  const villages = new Map(
    loaded.map((v) => [v.village_code, { ...v, last_commit: BigInt(v.last_commit), last_prepare: BigInt(v.last_prepare) }]),
  );
  const { rows, changes } = foldPilotVillages(villages, events);
  await rows.write(tx, `${s}.pilot_villages`, 'village_code', ['pilot', 'last_commit', 'last_prepare']);
  await changes.write(tx, `${s}.pilot_village_changes`, ['village_code', 'day']);
}
