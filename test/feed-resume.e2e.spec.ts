/**
 * Resuming the SSE feed: exactly once and in log order across forced disconnects while writers append,
 * and a consumer too slow to keep up is cut off with a retry hint and resumes without loss.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend, formatPosition } from '@libs/event-store';
import { FeedSessions } from '@apps/api/src/feed/feed.controller';
import { openSse } from '@apps/api/src/feed/sse-client';
import { eventually, startTestApp, TestApp, storeWithoutSchemaCheck } from './support/test-app';

process.env.FEED_MAX_BUFFERED_BYTES = '16384';
process.env.FEED_STALL_TIMEOUT_MS = '200';
process.env.FEED_RETRY_MS = '10';
process.env.FEED_MAX_QUEUED_EVENTS = '100';

const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'feed-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

/** A small seeded generator, so a failing interleaving of disconnects can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('resuming the SSE feed', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const loggedIds = async (prefix: string) =>
    (await app.runtime.eventStore.readAll({ filter: { streamPrefixes: [prefix] } })).map((e) => e.id);

  /** Reads the feed of `prefix`, disconnecting after a random number of messages, until `finished` says so. */
  async function readWithDisconnects(prefix: string, next: () => number, finished: (received: number) => Promise<boolean>) {
    const received: { id: string; position: string }[] = [];
    let lastEventId: string | undefined;
    let disconnects = 0;
    while (!(await finished(received.length))) {
      const budget = 1 + Math.floor(next() * 25);
      let count = 0;
      let stop: () => void = () => undefined;
      const enough = new Promise<void>((resolve) => (stop = resolve));
      const connection = await openSse(
        `${base}/feed?streams=${prefix}`,
        {
          message: (m) => {
            received.push({ id: JSON.parse(m.data).id, position: m.id! });
            if ((count += 1) >= budget) stop();
          },
        },
        lastEventId,
      );
      await Promise.race([enough, connection.done, new Promise((resolve) => setTimeout(resolve, 200))]);
      connection.close(); // forced: often in the middle of a burst, with more messages on the wire
      await connection.done;
      lastEventId = connection.parser.lastEventId ?? lastEventId;
      disconnects += 1;
    }
    return { received, disconnects };
  }

  it('delivers every event exactly once and in order to each of several readers across forced disconnects while writers append', async () => {
    const tag = `resume${randomUUID().slice(0, 8)}`;
    const next = random(42);
    const streams = Array.from({ length: 8 }, (_, i) => `${tag}-${i}`);
    let writing = true;
    const writers = Array.from({ length: 4 }, async () => {
      for (let batch = 0; batch < 40; batch += 1) {
        const stream = streams[Math.floor(next() * streams.length)];
        const size = 1 + Math.floor(next() * 3);
        await storeWithoutSchemaCheck(app).appendToStream(
          stream,
          Array.from({ length: size }, () => event('LoanRepaymentRecorded', { batch })),
        );
      }
    });
    const done = Promise.all(writers).then(() => (writing = false));
    const finished = async (count: number) => !writing && count >= (await loggedIds(`${tag}-`)).length;

    const readers = await Promise.all([1, 2, 3].map((seed) => readWithDisconnects(`${tag}-`, random(seed), finished)));
    await done;

    const logged = await loggedIds(`${tag}-`);
    for (const { received, disconnects } of readers) {
      expect(received.map((r) => r.id)).toEqual(logged);
      const positions = received.map((r) => BigInt(r.position));
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
      // Resumed several times (about 25 on a quiet machine; a starved reader takes bigger bursts a connection).
      expect(disconnects).toBeGreaterThanOrEqual(3);
    }
  });

  it('cuts off a consumer that stops reading, with a retry hint, and it resumes without loss', async () => {
    const tag = `slow${randomUUID().slice(0, 8)}`;
    const padding = 'x'.repeat(4096);
    for (let i = 0; i < 25; i += 1) {
      await storeWithoutSchemaCheck(app).appendToStream(
        `${tag}-${i}`,
        Array.from({ length: 200 }, (_, n) => event('LoanGranted', { n, padding })),
      );
    }
    const expected = await loggedIds(`${tag}-`);
    const sessions = app.app.get(FeedSessions);
    const cutOffsBefore = sessions.ended['cut-off'];

    const first: string[] = [];
    let retry: number | undefined;
    const slow = await openSse(`${base}/feed?streams=${tag}-`, {
      message: (m) => first.push(JSON.parse(m.data).id),
      retry: (ms) => (retry = ms),
    });
    slow.response.pause(); // a consumer that stops reading: the socket fills, then the server's queue
    await eventually(async () => expect(sessions.ended['cut-off']).toBe(cutOffsBefore + 1), 30_000);
    slow.response.resume();
    expect(await slow.done).toBe('ended');
    expect(retry).toBe(10);
    expect(first.length).toBeLessThan(expected.length);

    const rest = await resumeUntilComplete(base, tag, first.length, expected.length, slow.parser.lastEventId);
    expect([...first, ...rest]).toEqual(expected);
    expect(slow.parser.lastEventId).toBe(
      formatPosition((await app.runtime.eventStore.readAll({ filter: { streamPrefixes: [`${tag}-`] } }))[first.length - 1].position),
    );
  });

  it('cuts off a consumer that stops reading live events, and it resumes without loss', async () => {
    const tag = `slowlive${randomUUID().slice(0, 8)}`;
    const sessions = app.app.get(FeedSessions);
    const cutOffsBefore = sessions.ended['cut-off'];
    const first: string[] = [];
    const slow = await openSse(`${base}/feed?from=end&streams=${tag}-`, { message: (m) => first.push(JSON.parse(m.data).id) });
    slow.response.pause();
    const padding = 'x'.repeat(4096);
    let i = 0;
    while (sessions.ended['cut-off'] === cutOffsBefore) {
      await storeWithoutSchemaCheck(app).appendToStream(
        `${tag}-${i++}`,
        Array.from({ length: 50 }, (_, n) => event('LoanGranted', { n, padding })),
      );
    }
    slow.response.resume();
    await slow.done;
    const expected = await loggedIds(`${tag}-`);
    expect(first.length).toBeLessThan(expected.length);

    const rest = await resumeUntilComplete(base, tag, first.length, expected.length, slow.parser.lastEventId);
    expect([...first, ...rest]).toEqual(expected);
  });
});

/**
 * Reconnects with Last-Event-ID and collects event ids until, with those already seen, the log is complete. A
 * resumed connection may be cut off too (a consumer starved of CPU is a slow one): it resumes again from its
 * own last id, as an EventSource does, a bounded number of times.
 */
async function resumeUntilComplete(
  base: string,
  tag: string,
  seen: number,
  total: number,
  lastEventId: string | undefined,
): Promise<string[]> {
  const rest: string[] = [];
  for (let attempt = 0; attempt < 20 && seen + rest.length < total; attempt += 1) {
    let stop: () => void = () => undefined;
    const complete = new Promise<void>((resolve) => (stop = resolve));
    const resumed = await openSse(
      `${base}/feed?streams=${tag}-`,
      { message: (m) => (rest.push(JSON.parse(m.data).id), seen + rest.length >= total && stop()) },
      lastEventId,
    );
    await Promise.race([complete, resumed.done]);
    resumed.close();
    lastEventId = resumed.parser.lastEventId ?? lastEventId;
  }
  return rest;
}
