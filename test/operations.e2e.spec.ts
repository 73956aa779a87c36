/**
 * What an operator reads from /health and /metrics: the oldest open transaction holding the log back (the
 * gap-safe order shows readers nothing past it) with a warning past LOG_HOLD_WARN_SECONDS, events parked
 * by projections and consumer groups, each group's backlog, and the idempotency store's size.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { EventToAppend } from '@libs/event-store';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const event = (type: string): EventToAppend => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { actor: 'operations-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

/** One sample's value from the Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations: /health and /metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOG_HOLD_WARN_SECONDS: '1' } });
  });
  afterAll(() => app.close());

  it('reports the oldest open transaction holding the log back, and warns past the threshold', async () => {
    const holder = new Client({ connectionString: app.database.url, application_name: 'long-report' });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const [{ xid }] = (await holder.query('SELECT pg_current_xact_id()::text AS xid')).rows;
      const [{ pid }] = (await holder.query('SELECT pg_backend_pid() AS pid')).rows;
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const health = await request(app.http).get('/health').expect(200);
      expect(health.body.status).toBe('warn');
      expect(health.body.logHeldBackBy).toEqual({
        pid,
        transactionId: xid,
        application: 'long-report',
        state: 'idle in transaction',
        since: expect.any(String),
        seconds: expect.any(Number),
      });
      expect(health.body.logHeldBackBy.seconds).toBeGreaterThanOrEqual(1);
      expect(health.body.warnings).toEqual([
        expect.stringMatching(new RegExp(`transaction .*pid ${pid}.* held the log back for \\d+ s .*threshold 1 s`)),
      ]);

      const metrics = await request(app.http).get('/metrics').expect(200);
      expect(sample(metrics.text, 'family_ledger_log_held_back_seconds')).toBeGreaterThanOrEqual(1);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const after = await request(app.http).get('/health').expect(200);
    expect(after.body).toMatchObject({ status: 'ok', logHeldBackBy: null, warnings: [] });
    expect(sample((await request(app.http).get('/metrics')).text, 'family_ledger_log_held_back_seconds')).toBe(0);
  });

  it('counts parked events, each consumer group backlog and the idempotency store', async () => {
    const subscriber = `Bearer ${await app.token('subscriber')}`;
    const api = () => request(app.http);
    const tag = randomUUID().slice(0, 8);
    const name = `ops-${tag}`;
    await api()
      .put(`/consumer-groups/${name}`)
      .set('Authorization', subscriber)
      .send({ filter: { streams: [`ops${tag}-`] }, maxDeliveries: 1 })
      .expect(201);
    await storeWithoutSchemaCheck(app).appendToStream(`ops${tag}-1`, [
      event('LoanGranted'),
      event('LoanRepaymentRecorded'),
      event('LoanRepaymentRecorded'),
    ]);
    const claimed = await api()
      .post(`/consumer-groups/${name}/claim`)
      .set('Authorization', subscriber)
      .send({ consumer: 'c1', max: 1 })
      .expect(200);
    await api()
      .post(`/consumer-groups/${name}/nack`)
      .set('Authorization', subscriber)
      .send({ consumer: 'c1', eventIds: [claimed.body.events[0].id], reason: 'cannot parse' })
      .expect(200);
    await api()
      .post('/households')
      .set('Idempotency-Key', randomUUID())
      .send({ villageCode: '640105002001', category: 'stable', members: 2, head: { name: 'Na Ying' }, enrolmentYear: 2012 })
      .expect(201);

    const text = (await api().get('/metrics').expect(200)).text;
    expect(sample(text, `family_ledger_consumer_group_parked_events{group="${name}"}`)).toBe(1);
    expect(sample(text, `family_ledger_consumer_group_backlog_events{group="${name}"}`)).toBe(2);
    expect(sample(text, 'family_ledger_idempotency_keys')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'family_ledger_idempotency_store_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^family_ledger_projection_parked_events\{projection="[a-z-]+"\} 0$/m);
  });
});
