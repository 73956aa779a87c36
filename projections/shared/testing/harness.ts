/**
 * Test support for projection specs (no jest globals, so the build type-checks it): a migrated database
 * of the spec's own, recorded events made by hand, and the rows of a copy read back in a stable order.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openDatabase } from '@libs/database/data-source';
import { EventStore, EventToAppend, JsonObject, RecordedEvent } from '@libs/event-store';
import { comparePositions, Position, position } from '@libs/event-store/position';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { UpcastingEventStore } from '@libs/event-store/upcasting-event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { CaseEvent } from '@libs/domain/accountability-case';
import { HouseholdEvent } from '@libs/domain/household';
import { LoanEvent } from '@libs/domain/loan';
import { ResponsibilityEvent } from '@libs/domain/responsibility';
import { SupervisionEvent } from '@libs/domain/supervision';
import { rebuildProjection } from '@libs/projection/rebuild';
import { createTestDatabase, TestDatabase } from '@libs/testing/test-database';
import { databaseSchema } from '../../index';

export interface ProjectionDatabase {
  database: TestDatabase;
  dataSource: DataSource;
  /** Reads as the projector reads: upcast (libs/event-store/upcasting-event-store.ts). */
  store: EventStore;
  close(): Promise<void>;
}

export async function openProjectionDatabase(): Promise<ProjectionDatabase> {
  const database = await createTestDatabase();
  const dataSource = await openDatabase(database.url, databaseSchema);
  const store = new UpcastingEventStore(new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 }));
  return {
    database,
    dataSource,
    store,
    async close() {
      await store.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

let nextPosition = 1n << 20n;

type StoredEvent = HouseholdEvent | LoanEvent | CaseEvent | SupervisionEvent | ResponsibilityEvent;
type Of<T extends StoredEvent['type']> = Extract<StoredEvent, { type: T }>;

/** An event as the store would hand it out (typed by its `type`), at a fresh position later than every one made before. */
export function recorded<T extends StoredEvent['type']>(
  type: T,
  data: Of<T>['data'],
  occurredAt?: string,
  stream?: string,
): RecordedOf<Of<T>>;
/** Any event, for specs about what a projection does with what it does not expect. */
export function recorded(type: string, data: JsonObject, occurredAt?: string, stream?: string): RecordedEvent;
export function recorded(
  type: string,
  data: JsonObject,
  occurredAt = '2012-03-15T08:00:00.000Z',
  stream = `x-${randomUUID()}`,
): RecordedEvent {
  nextPosition += 1n;
  return {
    id: randomUUID(),
    stream,
    revision: 0n,
    position: position(nextPosition),
    type,
    data,
    metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt, recordedAt: occurredAt },
    recordedAt: occurredAt,
    previousHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

/** A household enrolled in `villageCode` in 2012's first batch, as the store hands it out; `changes` override its data. */
export function householdEnrolled(
  householdId: string,
  villageCode: string,
  changes: Partial<Of<'HouseholdEnrolled'>['data']> = {},
): RecordedOf<Of<'HouseholdEnrolled'>> {
  const data: Of<'HouseholdEnrolled'>['data'] = {
    householdId,
    villageCode,
    category: 'developing',
    members: 4,
    head: { name: 'Zhao Min' },
    enrolmentYear: 2012,
    batch: 1,
  };
  return recorded('HouseholdEnrolled', { ...data, ...changes });
}

/** A women's micro-loan granted on 1 July 2012, as the store hands it out. */
export function loanGranted(householdId: string, loanId: string, principalFen: number): RecordedOf<Of<'LoanGranted'>> {
  const terms = { interestSubsidyBps: 700, termMonths: 24, lender: 'Rural Credit Cooperative' };
  const data: Of<'LoanGranted'>['data'] = {
    loanId,
    householdId,
    borrowerGroup: 'woman',
    programmeCode: 'womens-micro-loan',
    principalFen,
    ...terms,
  };
  return recorded('LoanGranted', data, '2012-07-01T00:00:00.000Z');
}

export function loanRepaid(householdId: string, loanId: string, amountFen: number, outstandingFen: number) {
  return recorded('LoanRepaymentRecorded', { loanId, householdId, amountFen, outstandingFen });
}

/** The same fact as `toAppend` would write it (for specs that go through the real store). */
/** The event moved to a log position: on EventStoreDB/KurrentDB the events of one append share the commit, differing in prepare. */
export const atPosition = <E extends { position: Position }>(event: E, commit: bigint, prepare: bigint): E => ({
  ...event,
  position: { commit, prepare },
});

export function toAppend(type: string, data: JsonObject, occurredAt = '2012-03-15T08:00:00.000Z'): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt } };
}

export async function activeSchema(dataSource: DataSource, projection: Projection): Promise<string> {
  const checkpoint = await loadCheckpoint(dataSource.manager, projection);
  if (!checkpoint) throw new Error(`no checkpoint for ${projection.name}`);
  return checkpoint.schema;
}

/**
 * Applies the events to the active copy as one batch in one transaction, as a runner would (so a spec sees
 * how events of one batch act on each other); `oneByOne` gives each event a transaction of its own.
 */
export async function applyEvents(
  dataSource: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  options: { oneByOne?: boolean } = {},
): Promise<void> {
  const schema = await activeSchema(dataSource, projection);
  const batches = options.oneByOne ? events.map((event) => [event]) : [events];
  for (const batch of batches) await dataSource.transaction((tx) => projection.applyBatch(batch, tx, schema));
}

/** Every table of a copy, rows sorted, all-zero count rows dropped (absent and zero mean the same). */
export async function copyContents(dataSource: DataSource, schema: string): Promise<Record<string, unknown[]>> {
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [schema],
  );
  const contents: Record<string, unknown[]> = {};
  for (const { table_name: table } of tables) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${schema}.${table}`);
    contents[table] = rows
      .filter((row) => !(isCountTable(table) && isAllZeroCounts(row)))
      .map((row) => JSON.stringify(row))
      .sort()
      .map((text) => JSON.parse(text));
  }
  return contents;
}

/** Tables of summed counts (and their district rollups): counts and stock changes by day. */
const isCountTable = (table: string) => /(_counts|_changes)$/.test(table);

const KEY_COLUMNS = new Set([
  'day',
  'village_code',
  'township_code',
  'district_code',
  'city_code',
  'category',
  'enrolment_year',
  'period',
  'focus_area',
  'kind',
  'department_code',
  'service_type_code',
  'programme_code',
  'borrower_group',
]);

/** A count row whose counts are all zero says the same as no row. */
function isAllZeroCounts(row: Record<string, unknown>): boolean {
  return Object.entries(row).every(([key, value]) => KEY_COLUMNS.has(key) || Number(value) === 0);
}

/** Rows of one table of the active copy, sorted. */
export async function tableRows(dataSource: DataSource, projection: Projection, table: string): Promise<Record<string, unknown>[]> {
  const schema = await activeSchema(dataSource, projection);
  return (await copyContents(dataSource, schema))[table] as Record<string, unknown>[];
}

/**
 * The active copy's contents beside those of a clean rebuild from the whole log (which then becomes the
 * active copy). Call when the projection has caught up and nothing is being appended.
 */
export async function incrementalAndRebuilt(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
): Promise<{ incremental: Record<string, unknown[]>; rebuilt: Record<string, unknown[]> }> {
  const incremental = await copyContents(dataSource, await activeSchema(dataSource, projection));
  // A tiny write-behind window: a bulk-written projection's rebuild flushes many times, so rows are both
  // COPYed fresh and changed after a flush (libs/projection/write-behind.ts), not only written once at the end.
  const { schema } = await rebuildProjection(projection, store, dataSource, { batchSize: 97, flushRows: 7 });
  return { incremental, rebuilt: await copyContents(dataSource, schema) };
}

/**
 * Whether the projection's checkpoint has reached the last event it handles at or before `upTo` (the last
 * append). Both are read from the table, past the store's visibility limit: every append a test awaited has
 * committed, while the limit can sit low for a moment when another database's transaction (xids are
 * cluster-wide) ends between the snapshot and pg_stat_activity. A read through the store then sees an
 * earlier last event, or none, and would call the projection caught up before it has applied anything.
 */
export async function caughtUp(dataSource: DataSource, projection: Projection, upTo: Position): Promise<boolean> {
  const [row] = await dataSource.query(
    `SELECT max(log_position)::text AS last FROM event_store.events WHERE event_type = ANY($1) AND log_position <= $2`,
    [projection.handles, upTo.commit.toString()],
  );
  if (row.last === null) return true;
  const checkpoint = await loadCheckpoint(dataSource.manager, projection);
  // At or past it: the checkpoint also moves over events the projection skips (up to the head).
  return !!checkpoint?.position && comparePositions(checkpoint.position, position(BigInt(row.last))) >= 0;
}

/** The last position appended, read past the store's visibility limit (see caughtUp). */
export async function appendedHead(dataSource: DataSource): Promise<Position | undefined> {
  const [row] = await dataSource.query(`SELECT max(log_position)::text AS head FROM event_store.events`);
  return row.head === null ? undefined : position(BigInt(row.head));
}
