/** A consumer group's checkpoint, queue and leases live in PostgreSQL: a new service on the same database goes on. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, formatPosition } from '@libs/event-store';
import { createTestDatabase, TestDatabase } from '@libs/testing/test-database';
import { startTestApp, storeWithoutSchemaCheck } from './support/test-app';

const event = (type: string): EventToAppend => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { actor: 'groups-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

/** A service on an existing database, closed without dropping it (the next one starts on it). */
async function startService(database: TestDatabase) {
  const app = await startTestApp({ database });
  return { runtime: app.runtime, http: app.http, close: () => app.close({ keepDatabase: true }) };
}

describe('a consumer group across a restart of the service', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('keeps its checkpoint, acknowledgements and leases, and continues without loss or repeat', async () => {
    const first = await startService(database);
    await request(first.http)
      .put('/consumer-groups/durable')
      .send({ filter: { streams: ['loan-'] }, leaseMs: 600_000 })
      .expect(201);
    for (let i = 0; i < 5; i += 1)
      await storeWithoutSchemaCheck(first).appendToStream(`loan-${i}`, [event('LoanGranted'), event('LoanRepaid')]);
    const log = await first.runtime.eventStore.readAll();
    const ids = log.map((e) => e.id);

    const acked = await request(first.http).post('/consumer-groups/durable/claim').send({ consumer: 'c1', max: 4 }).expect(200);
    await request(first.http)
      .post('/consumer-groups/durable/ack')
      .send({ consumer: 'c1', eventIds: acked.body.events.map((e: { id: string }) => e.id) })
      .expect(200);
    const leased = await request(first.http).post('/consumer-groups/durable/claim').send({ consumer: 'c1', max: 2 }).expect(200);
    await first.close();

    const second = await startService(database);
    try {
      const state = await request(second.http).get('/consumer-groups/durable').expect(200);
      expect(state.body).toMatchObject({ acknowledged: 4, pending: { leased: 2 } });
      const leasedIds = leased.body.events.map((e: { id: string }) => e.id);
      expect(
        (await request(second.http).post('/consumer-groups/durable/ack').send({ consumer: 'c1', eventIds: leasedIds }).expect(200)).body
          .notHeld,
      ).toEqual([]);
      await storeWithoutSchemaCheck(second).appendToStream('loan-new', [event('LoanGranted'), event('LoanRepaymentRecorded')]);
      const logAfter = await second.runtime.eventStore.readAll();
      const rest = await request(second.http).post('/consumer-groups/durable/claim').send({ consumer: 'c2', max: 100 }).expect(200);
      const restIds = rest.body.events.map((e: { id: string }) => e.id);
      expect([...acked.body.events.map((e: { id: string }) => e.id), ...leasedIds, ...restIds]).toEqual(logAfter.map((e) => e.id));
      expect(logAfter.slice(0, 10).map((e) => e.id)).toEqual(ids);
      await request(second.http).post('/consumer-groups/durable/ack').send({ consumer: 'c2', eventIds: restIds }).expect(200);
      const done = await request(second.http).get('/consumer-groups/durable').expect(200);
      expect(done.body).toMatchObject({
        acknowledged: 12,
        pending: { ready: 0, leased: 0, parked: 0 },
        checkpoint: formatPosition(logAfter[11].position),
      });
    } finally {
      await second.close();
    }
  });
});
