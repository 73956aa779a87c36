import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../event-store';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { EventSchemaViolationError, ValidatedEventStore } from './validated-event-store';

let database: TestDatabase;
let store: ValidatedEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  store = new ValidatedEventStore(new PostgresEventStore({ connectionString: database.url }));
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

const enrolled = (data: Record<string, unknown>): EventToAppend => ({
  id: randomUUID(),
  type: 'HouseholdEnrolled',
  data: {
    householdId: 'h-1',
    villageCode: '640104001001',
    category: 'stable',
    members: 3,
    head: { name: 'Ma Lan' },
    enrolmentYear: 2012,
    batch: 1,
    ...data,
  },
  metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T02:00:00.000Z' },
});

it('writes an event that fits its schema', async () => {
  await store.appendToStream(`household-${randomUUID()}`, [enrolled({})]);
  expect(await store.headPosition()).toBeDefined();
});

it('refuses a whole append when one of its events breaks its schema, writing nothing of it', async () => {
  const head = await store.headPosition();
  const stream = `household-${randomUUID()}`;
  await expect(store.appendToStream(stream, [enrolled({}), enrolled({ members: 'three' })])).rejects.toThrow(EventSchemaViolationError);
  await expect(store.appendToStream(stream, [{ ...enrolled({}), type: 'HouseholdTeleported' }])).rejects.toThrow(
    'HouseholdTeleported has no published schema',
  );
  expect(await store.headPosition()).toEqual(head);
  await expect(store.readStream(stream)).rejects.toThrow('not found');
});
