/**
 * A lag of 0 means the read model reflects every append acknowledged so far, even while an older write
 * transaction is open and hides the newer appends from gap-safe readers (the projector among them).
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '../testing/store-database';
import { projectionLags } from './lag';
import { oneByOne, Projection } from './projection';

const counted: Projection = {
  name: 'lag-spec-ticks',
  version: 1,
  handles: ['Ticked'],
  reportingViews: [],
  tables: (s) => [`CREATE TABLE ${s}.ticks (event_id uuid PRIMARY KEY)`],
  applyBatch: oneByOne(async () => undefined),
};

describe('projection lag', () => {
  let db: StoreDatabase;

  beforeAll(async () => (db = await openStoreDatabase()));
  afterAll(() => db.close());

  it('counts an acknowledged append that an older open transaction still hides from readers', async () => {
    const holder = new Client({ connectionString: db.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('CREATE TEMP TABLE held (n int)');
      await holder.query('SELECT pg_current_xact_id()');
      await db.store.appendToStream(`ticker-${randomUUID()}`, [eventToAppend('Ticked')]);
      expect(await db.store.readAll({ filter: { eventTypes: ['Ticked'] } })).toEqual([]);
      const [lag] = await projectionLags([counted], db.store, db.dataSource);
      expect(lag.eventsBehind).toBe(1);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const [afterwards] = await projectionLags([counted], db.store, db.dataSource);
    expect(afterwards.eventsBehind).toBe(1);
  });
});
