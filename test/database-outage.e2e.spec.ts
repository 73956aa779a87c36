/**
 * PostgreSQL stopped while the service runs (a server of the test's own, stopped with pg_ctl -m immediate
 * as a crash would): every answer is 503 problem+json with Retry-After, never 500; once the server is back,
 * the service answers again without a restart.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { OwnCluster, startOwnCluster } from './support/own-cluster';
import { startTestApp, TestApp } from './support/test-app';

const DATABASE = 'family_ledger_test_outage';

describe('a database outage', () => {
  let app: TestApp;
  let cluster: OwnCluster;

  beforeAll(async () => {
    cluster = await startOwnCluster('outage', DATABASE);
    app = await startTestApp({ database: { name: DATABASE, url: cluster.url, drop: async () => undefined } });
  }, 120_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await cluster?.remove();
  });

  const body = () => ({
    householdId: randomUUID(),
    villageCode: '640105002001',
    category: 'stable',
    members: 2,
    head: { name: 'Na Ying' },
    enrolmentYear: 2012,
  });

  it('answers 503 with Retry-After to every kind of request while PostgreSQL is down, and recovers', async () => {
    const enrolled = body();
    await request(app.http).post('/households').send(enrolled).expect(201);
    await cluster.crash();

    const answers = [
      await request(app.http).post('/households').send(body()),
      await request(app.http).post('/households').set('Idempotency-Key', randomUUID()).send(body()),
      await request(app.http).get(`/households/${enrolled.householdId}`),
      await request(app.http).get('/indicators/households-enrolled?by=category'),
      await request(app.http).get('/feed/events'),
      await request(app.http).get('/health'),
    ];
    const seen = answers.map((a) => ({
      status: a.status,
      type: a.headers['content-type']?.split(';')[0],
      retryAfter: Number(a.headers['retry-after']) > 0,
    }));
    expect(seen).toEqual(answers.map(() => ({ status: 503, type: 'application/problem+json', retryAfter: true })));

    await cluster.start();
    await request(app.http).post('/households').send(body()).expect(201);
    await request(app.http).get(`/households/${enrolled.householdId}`).expect(200);
  }, 120_000);
});
