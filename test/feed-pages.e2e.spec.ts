/**
 * A consumer polling the JSON pages (`GET /feed/events`) from the end of the log: the first page is empty,
 * and its `next` is where the log ended, so the events appended after it come on the following pages.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { formatPosition } from '@libs/event-store';
import { logLength, startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

describe('polling the feed from the end of the log', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const append = (stream: string) =>
    storeWithoutSchemaCheck(app).appendToStream(stream, [
      {
        id: randomUUID(),
        type: 'LoanGranted',
        data: {},
        metadata: { actor: 'pages-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-01-01T00:00:00Z' },
      },
    ]);

  // First, while the log is empty: `next: null` told the poller to ask from `end` again, past what came meanwhile.
  it('answers from=end on an empty log with a next that the events appended after it come from', async () => {
    expect(await logLength(app)).toBe(0);
    const subscriber = { Authorization: `Bearer ${await app.token('subscriber')}` };
    const first = await request(app.http).get('/feed/events?from=end').set(subscriber).expect(200);
    expect(first.body.events).toEqual([]);
    const appended = await append(`loan-${randomUUID()}`);
    const second = await request(app.http)
      .get(`/feed/events?from=${first.body.next ?? 'end'}`)
      .set(subscriber)
      .expect(200);
    expect(second.body.events.map((e: { position: string }) => e.position)).toEqual([formatPosition(appended.position)]);
  });

  it('answers from=end with no events and the head as next, and the next page has what came after', async () => {
    const tag = randomUUID().slice(0, 8);
    const before = await append(`loan${tag}-1`);
    const subscriber = { Authorization: `Bearer ${await app.token('subscriber')}` };
    const first = await request(app.http).get(`/feed/events?from=end&streams=loan${tag}-`).set(subscriber).expect(200);
    expect(first.body).toEqual({ events: [], next: formatPosition(before.position) });
    const after = await append(`loan${tag}-2`);
    const second = await request(app.http).get(`/feed/events?from=${first.body.next}&streams=loan${tag}-`).set(subscriber).expect(200);
    expect(second.body.events.map((e: { stream: string }) => e.stream)).toEqual([`loan${tag}-2`]);
    expect(second.body.next).toBe(formatPosition(after.position));
  });
});
