/**
 * PostgreSQL stopped under a live SSE stream and a consumer group (a server of the test's own, stopped with
 * pg_ctl -m immediate as a crash would): the stream ends with its `retry:` hint rather than hanging on, claims
 * answer 503, and once the server is back the stream resumes from Last-Event-ID and the group from its
 * checkpoint, with nothing lost and nothing repeated.
 */
import { randomUUID } from 'node:crypto';
import { formatPosition } from '@libs/event-store';
import { LiveHub } from '@apps/api/src/feed/live-hub';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse } from '@apps/api/src/feed/sse-client';
import { baseUrl, send } from './support/access-fixtures';
import { OwnCluster, startOwnCluster } from './support/own-cluster';
import { toAppend } from '@projections/shared/testing/harness';
import { eventually, startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const DATABASE = 'family_ledger_test_feed_outage';

const repaid = () => toAppend('LoanRepaid', {}, new Date().toISOString());

describe('the feed and consumer groups through a database outage', () => {
  let app: TestApp;
  let cluster: OwnCluster;

  beforeAll(async () => {
    cluster = await startOwnCluster('feed-outage', DATABASE);
    app = await startTestApp({ database: { name: DATABASE, url: cluster.url, drop: async () => undefined } });
  }, 120_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await cluster?.remove();
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

    await cluster.crash();
    expect(await first.done).toBe('ended');
    const refused = await claim();
    expect([refused.status, refused.headers.get('content-type')?.split(';')[0]]).toEqual([503, 'application/problem+json']);

    await cluster.start();
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
