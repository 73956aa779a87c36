/**
 * A consumer group's queue keeps copies of events redacted when they were copied. Redaction learns (a field
 * classified personal later, a key spelt another way): a copy queued, or parked for weeks, before it learnt
 * must not reach a subscriber without the pii scope with what is now known to be personal. Simulated by
 * writing such a field into the queued copy, as the rules of that day left it.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { toAppend } from '@projections/shared/testing/harness';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const repaid = () => toAppend('LoanRepaid', {}, new Date().toISOString());

describe('copies in a consumer group queued under older redaction rules', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('are redacted again when claimed and when listed as parked, for a caller without the pii scope', async () => {
    const subscriber = `Bearer ${await app.token('subscriber')}`;
    const group = `relearn-${randomUUID().slice(0, 8)}`;
    const stream = `loan-${randomUUID()}`;
    await storeWithoutSchemaCheck(app).appendToStream(stream, [repaid()]);
    await request(app.http)
      .put(`/consumer-groups/${group}`)
      .set('Authorization', subscriber)
      .send({ filter: { streams: [stream] }, maxDeliveries: 2 })
      .expect(201);
    const claim = () =>
      request(app.http)
        .post(`/consumer-groups/${group}/claim`)
        .set('Authorization', subscriber)
        .send({ consumer: 'c', max: 1 })
        .expect(200);
    const [queued] = (await claim()).body.events as { id: string }[];
    const nack = () =>
      request(app.http)
        .post(`/consumer-groups/${group}/nack`)
        .set('Authorization', subscriber)
        .send({ consumer: 'c', eventIds: [queued.id], reason: 'r' })
        .expect(200);
    await nack();
    await app.runtime.dataSource.query(
      `UPDATE consumer_groups.pending SET event = jsonb_set(event, '{data}', '{"borrower": {"guardian_name": "Ma Lan", "village_code": "v"}}') WHERE event_id = $1`,
      [queued.id],
    );

    const [again] = (await claim()).body.events as { data: object }[];
    expect(again.data).toEqual({ borrower: { village_code: 'v' } });
    await nack(); // the second delivery: parked
    const parked = await request(app.http).get(`/consumer-groups/${group}/parked`).set('Authorization', subscriber).expect(200);
    expect(parked.body.events.map((e: { data: object }) => e.data)).toEqual([{ borrower: { village_code: 'v' } }]);
  });
});
