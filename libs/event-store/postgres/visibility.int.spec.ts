/**
 * What holds the visibility limit back: an open writing transaction of this database does (until it ends,
 * without a gap: see gap-safety.int.spec.ts); one of another database on the same server does not.
 */
import { Client } from 'pg';
import { anEvent } from '../contract/event-store.contract';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { PostgresEventStore } from './postgres-event-store';

describe('the visibility limit of the global log', () => {
  let here: TestDatabase;
  let elsewhere: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    [here, elsewhere] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    store = new PostgresEventStore({ connectionString: here.url });
  });
  afterAll(async () => {
    await store.close();
    await Promise.all([here.drop(), elsewhere.drop()]);
  });

  async function holdingWriteTransaction(url: string, work: () => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE held (n int)');
      await client.query('SELECT pg_current_xact_id()');
      await work();
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  }

  it('is not held back by a transaction open in another database of the same server', async () => {
    await holdingWriteTransaction(elsewhere.url, async () => {
      const written = await store.appendToStream('household-elsewhere-open', [anEvent()]);
      const read = await store.readAll({ filter: { streamPrefixes: ['household-elsewhere-open'] } });
      expect(read.map((e) => e.position)).toEqual([written.position]);
    });
  });

  it('is held back by a transaction open in this database, and releases when it ends', async () => {
    let written: Awaited<ReturnType<PostgresEventStore['appendToStream']>> | undefined;
    await holdingWriteTransaction(here.url, async () => {
      written = await store.appendToStream('household-here-open', [anEvent()]);
      expect(await store.readAll({ filter: { streamPrefixes: ['household-here-open'] } })).toEqual([]);
    });
    const read = await store.readAll({ filter: { streamPrefixes: ['household-here-open'] } });
    expect(read.map((e) => e.position)).toEqual([written!.position]);
  });
});
