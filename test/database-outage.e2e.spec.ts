/**
 * PostgreSQL stopped while the service runs (a server of the test's own, stopped with pg_ctl -m immediate
 * as a crash would): every answer is 503 problem+json with Retry-After, never 500; once the server is back,
 * the service answers again without a restart.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { freePort } from '@libs/database/free-port';
import { generatePassword } from '@libs/database/cluster-password';
import { initCluster, serverUser, startCluster, stopCluster } from '@libs/database/pg-cluster';
import { startTestApp, TestApp } from './support/test-app';

const FLAGS = ['-c', 'listen_addresses=127.0.0.1'];

describe('a database outage', () => {
  const root = mkdtempSync(join(tmpdir(), 'family-ledger-outage-'));
  const dataDir = join(root, 'pg');
  let app: TestApp;
  let port: number;
  let user: Awaited<ReturnType<typeof serverUser>>;
  const stopNow = () => stopCluster(dataDir, user, 'immediate');

  beforeAll(async () => {
    chmodSync(root, 0o711);
    user = await serverUser();
    const password = generatePassword();
    port = await freePort();
    await initCluster(dataDir, password, user);
    await startCluster(dataDir, port, FLAGS, user);
    const admin = new Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE family_ledger_test_outage');
    await admin.end();
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/family_ledger_test_outage`;
    app = await startTestApp({ database: { name: 'family_ledger_test_outage', url, drop: async () => undefined } });
  }, 120_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await stopNow().catch(() => undefined); // already stopped
    rmSync(root, { recursive: true, force: true });
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
    await stopNow();

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

    await startCluster(dataDir, port, FLAGS, user);
    await request(app.http).post('/households').send(body()).expect(201);
    await request(app.http).get(`/households/${enrolled.householdId}`).expect(200);
  }, 120_000);
});
