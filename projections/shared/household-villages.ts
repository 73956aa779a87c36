/**
 * Each read model that counts by org unit keeps its own map of household to village path, learnt from
 * HouseholdEnrolled (copies are independent: a rebuild of one never waits on another). A batch loads the
 * paths of the households it names in one statement, learns those enrolled in it, and writes the new ones.
 */
// Relative imports and type-only ones: the read models' table definitions import this file, and migrations import those.
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../libs/event-store/event-store.port';
import type { RecordedOf } from '../../libs/projection/projection';
import type { HouseholdEnrolled } from '../../libs/domain/household';
import { columnsOf, RowChanges, selectByKeys } from '../../libs/projection/bulk-writes';
import { ORG_UNIT_COLUMNS_DDL, orgUnitValues } from '../../libs/indicators/org-unit-path';

export function householdVillagesDdl(schema: string): string {
  return `CREATE TABLE ${schema}.household_villages (household_id text PRIMARY KEY, ${ORG_UNIT_COLUMNS_DDL})`;
}

/** An event about a household this read model never saw enrolled: poison, so it is parked, not dropped. */
export class UnknownHouseholdError extends Error {
  constructor(readonly householdId: string) {
    super(`household ${householdId} has no HouseholdEnrolled in this read model`);
    this.name = 'UnknownHouseholdError';
  }
}

/** Village, township, district, city codes: the first four columns of every count table. */
export type OrgPath = [string, string, string, string];

const COLUMNS = columnsOf('text', 'household_id', 'village_code', 'township_code', 'district_code', 'city_code');

interface VillageRow {
  household_id: string;
  village_code: string;
  township_code: string;
  district_code: string;
  city_code: string;
}

export class HouseholdVillages {
  private readonly learnt = new RowChanges<[string, ...OrgPath]>(COLUMNS, (row) => row);

  private constructor(private readonly paths: Map<string, OrgPath>) {}

  /** The paths of every household the batch's events name (`data.householdId`). */
  static async load(tx: EntityManager, schema: string, events: readonly { data: JsonObject }[]): Promise<HouseholdVillages> {
    const ids = events.map((e) => e.data.householdId).filter((id): id is string => typeof id === 'string');
    const rows = await selectByKeys<VillageRow>(tx, `${schema}.household_villages`, 'household_id', ids);
    return new HouseholdVillages(
      new Map(rows.map((r) => [r.household_id, [r.village_code, r.township_code, r.district_code, r.city_code]])),
    );
  }

  /** Learns an enrolled household's village; the first enrolment seen wins, as the table's primary key would. */
  remember(event: RecordedOf<HouseholdEnrolled>): void {
    const { householdId, villageCode } = event.data;
    if (this.paths.has(householdId)) return;
    const path = orgUnitValues(villageCode);
    this.paths.set(householdId, path);
    this.learnt.set(householdId, [householdId, ...path]);
  }

  /** The household's path; throws UnknownHouseholdError (the event is parked) when it was never enrolled here. */
  pathOf(householdId: string): OrgPath {
    const path = this.paths.get(householdId);
    if (!path) throw new UnknownHouseholdError(householdId);
    return path;
  }

  async save(tx: EntityManager, schema: string): Promise<void> {
    await this.learnt.write(tx, `${schema}.household_villages`, 'household_id', []);
  }
}
