/**
 * A lag of 0 means the read model reflects every append acknowledged so far, even while an older write
 * transaction is open and hides the newer appends from gap-safe readers (the projector among them).
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
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

const ticked = () => ({
  id: randomUUID(),
  type: 'Ticked',
  data: { tick: randomUUID() },
  metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-15T08:00:00.000Z' },
});

describe('projection lag', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('counts an acknowledged append that an older open transaction still hides from readers', async () => {
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('CREATE TEMP TABLE held (n int)');
      await holder.query('SELECT pg_current_xact_id()');
      await store.appendToStream(`ticker-${randomUUID()}`, [ticked()]);
      expect(await store.readAll({ filter: { eventTypes: ['Ticked'] } })).toEqual([]);
      const [lag] = await projectionLags([counted], store, dataSource);
      expect(lag.eventsBehind).toBe(1);
      expect(lag.secondsBehind).toBeGreaterThanOrEqual(0);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const [afterwards] = await projectionLags([counted], store, dataSource);
    expect(afterwards.eventsBehind).toBe(1);
  });
});
