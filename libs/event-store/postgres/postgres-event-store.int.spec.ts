import { describeEventStoreContract } from '../contract/event-store.contract';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { PostgresEventStore } from './postgres-event-store';

const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describeEventStoreContract('PostgreSQL', {
  async open() {
    const database = await createTestDatabase();
    databases.push(database);
    return new PostgresEventStore({ connectionString: database.url });
  },
});
