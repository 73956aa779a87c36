/**
 * Upcasting happens once, in the event store the service reads through: a household enrolled in the 2012
 * pilot's shape (HouseholdEnrolled v1: no enrolmentYear, no batch) reads in the current shape everywhere
 * (the household, its audit history with the state after each event, a command on it), while the stored
 * event keeps the shape it was written in and its hash chain still verifies.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

describe('events written in an old shape', () => {
  let app: TestApp;
  const householdId = randomUUID();
  const stream = `household-${householdId}`;

  beforeAll(async () => {
    app = await startTestApp();
    // Written as the pilot's service wrote it: personal fields sealed, but no schema of today to refuse
    // the old shape (the service's own store validates appends against the current schemas).
    const pilotService = storeWithoutSchemaCheck(app);
    // Late on New Year's Eve UTC: 1 January 2013 in Yinchuan, so the upcast enrolment year is 2013.
    await pilotService.appendToStream(
      stream,
      [
        {
          id: randomUUID(),
          type: 'HouseholdEnrolled',
          data: { householdId, villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Ma Lan' } },
          metadata: {
            actor: 'registrar-1',
            correlationId: randomUUID(),
            causationId: randomUUID(),
            occurredAt: '2012-12-31T20:00:00.000Z',
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it("are read in the current shape by every reader behind the service's store", async () => {
    const [read] = await app.runtime.eventStore.readStream(stream);
    expect(read.data).toMatchObject({ enrolmentYear: 2013, batch: 1 });
    const household = await request(app.http).get(`/households/${householdId}`).expect(200);
    expect(household.body).toMatchObject({ status: 'Enrolled' });
    const history = await request(app.http).get(`/audit/streams/${stream}/history`).expect(200);
    expect(history.body.events[0].data).toMatchObject({ enrolmentYear: 2013, batch: 1 });
  });

  it('are decided on like current ones', async () => {
    await request(app.http)
      .post(`/households/${householdId}/withdrawal`)
      .send({ reason: 'moved away', occurredAt: '2013-02-01T02:00:00.000Z' })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const [, withdrawn] = await app.runtime.eventStore.readStream(stream);
    expect(withdrawn.type).toBe('HouseholdWithdrawn');
  });

  it('stay stored as written, and the hash chain verifies over what was stored', async () => {
    const [stored] = await app.runtime.rawEventStore.readStream(stream);
    expect(stored.data).not.toHaveProperty('enrolmentYear');
    const verdict = await request(app.http).get(`/audit/streams/${stream}/verify`).expect(200);
    expect(verdict.body).toMatchObject({ ok: true, events: 2 });
  });
});
