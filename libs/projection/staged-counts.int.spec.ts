/**
 * A rebuild's count rows go through staged tables (staged-counts.ts) and are summed into their count table by
 * the finish, also when a poison batch had the ordinary applier write counts into that table directly.
 */
import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../event-store/event-store.port';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '../testing/store-database';
import { columnsOf, CountDeltas } from './bulk-writes';
import { Projection } from './projection';
import { rebuildProjection } from './rebuild';

const POISON = 'poison';

/** Ticks by village (with the village's region beside its key); a tick of the POISON village throws. */
function ticksByVillage(name: string): Projection {
  return {
    name,
    version: 1,
    handles: ['Ticked'],
    reportingViews: [],
    bulkWritten: true,
    tables: (s) => [
      `CREATE TABLE ${s}.ticks (village_code text PRIMARY KEY, region text NOT NULL, n int NOT NULL, weight bigint NOT NULL)`,
    ],
    async applyBatch(events: readonly RecordedEvent[], tx, s) {
      const deltas = new CountDeltas(columnsOf('text', 'village_code', 'region'), ['n', 'weight']);
      for (const { data } of events) {
        if (data.village === POISON) throw new Error('poison: cannot count this tick');
        deltas.add([data.village as string, `region-of-${data.village as string}`], { n: 1, weight: data.weight as number });
      }
      await deltas.write(tx, `${s}.ticks`, ['village_code'], 'bigint');
    },
  };
}

describe('staged count rows of a rebuild', () => {
  let db: StoreDatabase;
  beforeEach(async () => (db = await openStoreDatabase()));
  afterEach(() => db.close());

  it('sums every window and the batches applied apart into the count table, once', async () => {
    const villages = ['v1', 'v2', 'v3', 'v4', 'v5'];
    const ticks = Array.from({ length: 300 }, (_, i) => ({ village: i === 150 ? POISON : villages[(i * 7) % 5], weight: i }));
    await db.store.appendToStream(
      `ticker-${randomUUID()}`,
      ticks.map((data) => eventToAppend('Ticked', data, '2012-03-15T08:00:00.000Z')),
    );
    const projection = ticksByVillage(`ticks-${randomUUID().slice(0, 8)}`);
    const { schema } = await rebuildProjection(projection, db.store, db.dataSource, { batchSize: 13, flushRows: 2 });

    const rows = await db.dataSource.query(`SELECT village_code, region, n, weight::int AS weight FROM ${schema}.ticks ORDER BY 1`);
    const expected = villages.map((village) => {
      const mine = ticks.filter((t) => t.village === village);
      return { village_code: village, region: `region-of-${village}`, n: mine.length, weight: mine.reduce((sum, t) => sum + t.weight, 0) };
    });
    expect(rows).toEqual(expected);
    const leftover = await db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'ticks'`, [schema]);
    expect(leftover).toEqual([]);
    const [{ parked }] = await db.dataSource.query(`SELECT count(*)::int AS parked FROM projections.dead_letters WHERE projection = $1`, [
      projection.name,
    ]);
    expect(parked).toBe(1);
  });

  it('keys the count table again after summing into it empty, so the live path can add to its rows', async () => {
    const ticks = Array.from({ length: 120 }, (_, i) => ({ village: `v${i % 4}`, weight: i }));
    await db.store.appendToStream(
      `ticker-${randomUUID()}`,
      ticks.map((data) => eventToAppend('Ticked', data, '2012-03-15T08:00:00.000Z')),
    );
    const projection = ticksByVillage(`ticks-${randomUUID().slice(0, 8)}`);
    const { schema } = await rebuildProjection(projection, db.store, db.dataSource, { batchSize: 7, flushRows: 3 });

    const keys = await db.dataSource.query(
      `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[])
        WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [`${schema}.ticks`],
    );
    expect(keys).toEqual([{ column: 'village_code' }]);
    const rows = await db.dataSource.query(`SELECT village_code, n FROM ${schema}.ticks ORDER BY 1`);
    expect(rows).toEqual(['v0', 'v1', 'v2', 'v3'].map((village_code) => ({ village_code, n: 30 })));
  });
});
