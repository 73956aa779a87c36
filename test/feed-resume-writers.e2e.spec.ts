/**
 * Resuming the SSE feed over a log longer than a catch-up page and the live hub's ring, while eight writers
 * append: half of them hold their transaction open for a while (so transactions commit out of log-position
 * order) and some roll back. Readers disconnect anywhere (in the middle of a catch-up page, at the hand-over
 * to the hub, live) and resume with Last-Event-ID: each receives every committed event of its filter exactly
 * once, in log order, and nothing that rolled back.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStore, EventToAppend } from '@libs/event-store';
import { ForwardingEventStore } from '@libs/event-store/forwarding-event-store';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { FEED_PAGE_SIZE } from '@apps/api/src/feed/feed-subscription';
import { openSse } from '@apps/api/src/feed/sse-client';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'feed-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** The PostgreSQL store under the service's decorators, to hold a transaction open as a slow writer would. */
function postgresOf(store: EventStore): PostgresEventStore {
  let inner: EventStore = store;
  while (!(inner instanceof PostgresEventStore)) {
    if (!(inner instanceof ForwardingEventStore)) throw new Error('the log is not in PostgreSQL');
    inner = inner.inner;
  }
  return inner;
}

describe('resuming the SSE feed while eight writers append', () => {
  let app: TestApp;
  let base: string;
  let subscriber: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
    subscriber = { Authorization: `Bearer ${await app.token('subscriber')}` };
  });
  afterAll(async () => {
    await app.close();
  });

  it('delivers every committed event once, in order, across disconnects in catch-up and live', async () => {
    const tag = `writers${randomUUID().slice(0, 8)}`;
    const streams = Array.from({ length: 16 }, (_, i) => `${tag}-${i}`);
    // More than two catch-up pages and more than the hub's ring of 2000 events.
    for (let written = 0; written < FEED_PAGE_SIZE * 2.5; written += 100)
      await storeWithoutSchemaCheck(app).appendToStream(
        streams[(written / 100) % streams.length],
        Array.from({ length: 100 }, (_, n) => event(n % 3 === 0 ? 'LoanRepaid' : 'LoanRepaymentRecorded', { n })),
      );

    const postgres = postgresOf(app.runtime.rawEventStore);
    const rolledBack = new Set<string>();
    const next = random(3);
    let writing = true;
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let n = 0; n < 30; n += 1) {
        // A writer holding its transaction open has streams of its own: racing appends to one stream are the store's concern.
        const stream = writer % 2 === 0 ? streams[Math.floor(next() * streams.length)] : `${tag}-held${writer}-${n % 3}`;
        const events = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) =>
          event(i % 2 === 0 ? 'LoanRepaid' : 'LoanRepaymentRecorded', { writer, n }),
        );
        if (writer % 2 === 0) {
          await storeWithoutSchemaCheck(app).appendToStream(stream, events);
          continue;
        }
        const client = await postgres.pool.connect();
        try {
          await client.query('BEGIN');
          await postgres.appendToStreamIn(client, stream, events);
          await sleep(next() * 30);
          if (n % 9 === 4) {
            await client.query('ROLLBACK');
            events.forEach((e) => rolledBack.add(e.id));
          } else {
            await client.query('COMMIT');
            postgres.appended();
          }
        } finally {
          client.release();
        }
      }
    });
    const written = Promise.all(writers).then(() => (writing = false));

    const readers = [`streams=${tag}-`, `streams=${tag}-&types=LoanRepaid`].map(async (query, seed) => {
      const logged = async () =>
        (
          await app.runtime.eventStore.readAll({
            filter: { streamPrefixes: [`${tag}-`], ...(query.includes('types') && { eventTypes: ['LoanRepaid'] }) },
          })
        ).map((e) => e.id);
      const received: string[] = [];
      const budget = random(seed + 100);
      let lastEventId: string | undefined;
      let disconnects = 0;
      while (writing || received.length < (await logged()).length) {
        // Small budgets cut inside a page; large ones reach the hand-over to the hub and live events.
        const wanted = budget() < 0.4 ? 1 + Math.floor(budget() * 200) : 1 + Math.floor(budget() * FEED_PAGE_SIZE * 1.5);
        let count = 0;
        let stop: () => void = () => undefined;
        const enough = new Promise<void>((resolve) => (stop = resolve));
        const message = ({ data }: { data: string }) => {
          received.push((JSON.parse(data) as { id: string }).id);
          if ((count += 1) >= wanted) stop();
        };
        const connection = await openSse(`${base}/feed?${query}`, { message }, lastEventId, subscriber);
        await Promise.race([enough, connection.done, sleep(500)]);
        connection.close();
        await connection.done;
        lastEventId = connection.parser.lastEventId ?? lastEventId;
        disconnects += 1;
      }
      return { received, expected: await logged(), disconnects };
    });

    const [all, repaid] = await Promise.all(readers);
    await written;
    for (const { received, expected, disconnects } of [all, repaid]) {
      expect(disconnects).toBeGreaterThan(1);
      expect(received.filter((id) => rolledBack.has(id))).toEqual([]);
      expect(received.length).toBe(expected.length);
      expect(received).toEqual(expected);
    }
    expect(rolledBack.size).toBeGreaterThan(0);
  }, 300_000);
});
