/**
 * A test database of its own with the libraries' schema and a PostgreSQL event store on it: what the
 * adapters' and runtimes' integration specs start from. Closing it drops the database.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { EventToAppend, JsonObject } from '../event-store/event-store.port';
import { PostgresEventStore, PostgresEventStoreOptions } from '../event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from './test-database';

export interface StoreDatabase {
  database: TestDatabase;
  dataSource: DataSource;
  store: PostgresEventStore;
  close(): Promise<void>;
}

/** A test database with a PostgreSQL event store on it and nothing else (no migrations): closing drops it. */
export async function openTestStore(
  options: Omit<PostgresEventStoreOptions, 'connectionString'> = {},
): Promise<{ store: PostgresEventStore; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const store = new PostgresEventStore({ connectionString: database.url, ...options });
  return {
    store,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

export async function openStoreDatabase(options: Omit<PostgresEventStoreOptions, 'connectionString'> = {}): Promise<StoreDatabase> {
  const database = await createTestDatabase();
  const dataSource = await openDatabase(database.url, libSchema);
  const store = new PostgresEventStore({ connectionString: database.url, ...options });
  return {
    database,
    dataSource,
    store,
    close: async () => {
      await store.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** An event to append with fresh ids; the type and data are the spec's, the rest does not matter to it. */
export function eventToAppend(
  type: string,
  data: JsonObject = { n: randomUUID() },
  occurredAt = '2012-03-01T00:00:00.000Z',
): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
  };
}
