import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import type { EventToAppend } from './event-store.port';
import { verifyChain } from './hash-chain';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { UpcastingEventStore } from './upcasting-event-store';

/** HouseholdEnrolled as the 2012 pilot wrote it (v1: no enrolmentYear, no batch), late on New Year's Eve UTC. */
const pilotEnrolment = (householdId: string): EventToAppend => ({
  id: randomUUID(),
  type: 'HouseholdEnrolled',
  data: { householdId, villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Ma Lan' } },
  metadata: { actor: 'registrar-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-12-31T20:00:00.000Z' },
});

describe('UpcastingEventStore over PostgreSQL', () => {
  let database: TestDatabase;
  let raw: PostgresEventStore;
  let store: UpcastingEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    raw = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
    store = new UpcastingEventStore(raw);
  });
  afterAll(async () => {
    await raw.close();
    await database.drop();
  });

  it('hands out the current shape on readStream and readAll, while the store keeps the stored one', async () => {
    const id = randomUUID();
    await store.appendToStream(`household-${id}`, [pilotEnrolment(id)], { expectedRevision: 'no_stream' });
    const [read] = await store.readStream(`household-${id}`);
    expect(read.data).toMatchObject({ enrolmentYear: 2013, batch: 1 });
    const [all] = await store.readAll({ filter: { streamPrefixes: [`household-${id}`] } });
    expect(all.data).toMatchObject({ enrolmentYear: 2013, batch: 1 });
    const stored = await raw.readStream(`household-${id}`);
    expect(stored[0].data).not.toHaveProperty('enrolmentYear');
    // The chain covers what was written: it verifies on the stored events.
    expect(verifyChain(stored)).toBeUndefined();
  });

  it('hands out the current shape to subscribers', async () => {
    const id = randomUUID();
    const head = await store.headPosition();
    await store.appendToStream(`household-${id}`, [pilotEnrolment(id)], { expectedRevision: 'no_stream' });
    const subscription = store.subscribeToAll({ fromPosition: head ?? 'start', filter: { streamPrefixes: [`household-${id}`] } });
    for await (const event of subscription) {
      expect(event.data).toMatchObject({ enrolmentYear: 2013, batch: 1 });
      break;
    }
  });

  it('passes events already in the current shape through as they are', async () => {
    const id = randomUUID();
    const current = pilotEnrolment(id);
    current.data = { ...current.data, enrolmentYear: 2012, batch: 2 };
    await store.appendToStream(`household-${id}`, [current], { expectedRevision: 'no_stream' });
    const [read] = await store.readStream(`household-${id}`);
    expect(read.data).toEqual(current.data);
  });
});
