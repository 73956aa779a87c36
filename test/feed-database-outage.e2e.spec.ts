/**
 * PostgreSQL stopped under a live SSE stream and a consumer group (a server of the test's own, stopped with
 * pg_ctl -m immediate as a crash would): the stream ends with its `retry:` hint rather than hanging on, claims
 * answer 503, and once the server is back the stream resumes from Last-Event-ID and the group from its
 * checkpoint, with nothing lost and nothing repeated.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { freePort } from '@libs/database/free-port';
import { generatePassword } from '@libs/database/cluster-password';
import { initCluster, serverUser, startCluster, stopCluster } from '@libs/database/pg-cluster';
import { EventToAppend, formatPosition } from '@libs/event-store';
import { LiveHub } from '@apps/api/src/feed/live-hub';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse } from '@apps/api/src/feed/sse-client';
import { baseUrl, send } from './support/access-fixtures';
import { eventually, startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const FLAGS = ['-c', 'listen_addresses=127.0.0.1'];
const DATABASE = 'family_ledger_test_feed_outage';

const repaid = (): EventToAppend => ({
  id: randomUUID(),
  type: 'LoanRepaid',
  data: {},
  metadata: { actor: 'outage-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

describe('the feed and consumer groups through a database outage', () => {
  const root = mkdtempSync(join(tmpdir(), 'family-ledger-feed-outage-'));
  const dataDir = join(root, 'pg');
  let app: TestApp;
  let port: number;
  let user: Awaited<ReturnType<typeof serverUser>>;

  beforeAll(async () => {
    chmodSync(root, 0o711);
    user = await serverUser();
    const password = generatePassword();
    port = await freePort();
    await initCluster(dataDir, password, user);
    await startCluster(dataDir, port, FLAGS, user);
    const admin = new Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;
    app = await startTestApp({ database: { name: DATABASE, url, drop: async () => undefined } });
  }, 120_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await stopCluster(dataDir, user, 'immediate').catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('ends the live stream, refuses claims with 503, and resumes both without loss or repeat once PostgreSQL is back', async () => {
    const base = await baseUrl(app);
    const headers = {
      'X-Test-Anonymous': '1',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await app.token('subscriber')}`,
    };
    const stream = `loan-${randomUUID()}`;
    const append = () => storeWithoutSchemaCheck(app).appendToStream(stream, [repaid()]);
    const group = `outage-${randomUUID().slice(0, 8)}`;
    expect(
      (await send(base, 'PUT', `/consumer-groups/${group}`, { headers, body: JSON.stringify({ filter: { streams: [stream] } }) })).status,
    ).toBe(201);
    const claim = () => send(base, 'POST', `/consumer-groups/${group}/claim`, { headers, body: '{"consumer":"c","max":10}' });

    const messages: SseMessage[] = [];
    const feed = `${base}/feed?streams=${stream}`;
    const first = await openSse(feed, { message: (m) => messages.push(m) }, undefined, headers);
    await eventually(async () => expect(app.app.get(LiveHub).following).toBe(1));
    const before = await append();
    await eventually(async () => expect(messages).toHaveLength(1));
    const claimedBefore = await claim();
    expect(claimedBefore.json?.events).toHaveLength(1);
    expect(
      (
        await send(base, 'POST', `/consumer-groups/${group}/ack`, {
          headers,
          body: JSON.stringify({ consumer: 'c', eventIds: [(claimedBefore.json!.events as { id: string }[])[0].id] }),
        })
      ).status,
    ).toBe(200);

    await stopCluster(dataDir, user, 'immediate');
    expect(await first.done).toBe('ended');
    const refused = await claim();
    expect([refused.status, refused.headers.get('content-type')?.split(';')[0]]).toEqual([503, 'application/problem+json']);

    await startCluster(dataDir, port, FLAGS, user);
    const after = await append();
    const resumed: SseMessage[] = [];
    const second = await openSse(feed, { message: (m) => resumed.push(m) }, messages[messages.length - 1].id, headers);
    await eventually(async () => expect(app.app.get(LiveHub).following).toBe(1));
    const live = await append();
    await eventually(async () => expect(resumed).toHaveLength(2));
    second.close();
    expect([...messages, ...resumed].map((m) => m.id)).toEqual([before, after, live].map((r) => formatPosition(r.position)));
    const claimedAfter = await claim();
    expect((claimedAfter.json?.events as { position: string }[]).map((e) => e.position)).toEqual(
      [after, live].map((r) => formatPosition(r.position)),
    );
  }, 120_000);
});
