/** The SSE feed and its JSON pages, over a real socket: history, live, filters, resume, heartbeats, errors. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, formatPosition, RecordedEvent } from '@libs/event-store';
import { FeedSessions } from '@apps/api/src/feed/feed.controller';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse } from '@apps/api/src/feed/sse-client';
import { eventually, startTestApp, TestApp, storeWithoutSchemaCheck } from './support/test-app';

process.env.FEED_HEARTBEAT_MS = '50';

const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'feed-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

describe('the SSE feed', () => {
  let app: TestApp;
  let base: string;
  /** A city-wide subscriber without the pii scope (the default test token is an admin's). */
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

  const append = (stream: string, ...events: EventToAppend[]) => storeWithoutSchemaCheck(app).appendToStream(stream, events);
  const all = () => app.runtime.eventStore.readAll();

  /** Collects messages until `until` says stop, then closes. */
  async function collect(
    url: string,
    until: (messages: SseMessage[]) => boolean,
    lastEventId?: string,
    headers: Record<string, string> = subscriber,
  ): Promise<SseMessage[]> {
    const messages: SseMessage[] = [];
    let stop: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (stop = resolve));
    const connection = await openSse(url, { message: (m) => (messages.push(m), until(messages) && stop()) }, lastEventId, headers);
    await Promise.race([enough, connection.done]);
    connection.close();
    return messages;
  }

  it('sends the history after a position, then live events, each with its position as id and its type as event', async () => {
    const stream = `household-${randomUUID()}`;
    const first = await append(
      stream,
      event('HouseholdEnrolled', { householdId: 'h', head: { name: 'Ma Lan', idNumber: '6401' }, members: 3 }),
    );
    await append(stream, event('NeedRecorded', { householdId: 'h', kind: 'care', description: 'private' }));
    const live = collect(`${base}/feed?from=${formatPosition(first.position)}&streams=${stream}`, (m) => m.length === 2);
    await eventually(async () => expect(app.app.get(FeedSessions).active).toBeGreaterThan(0));
    await append(stream, event('ServiceDelivered', { householdId: 'h', focusArea: 'health' }));
    const messages = await live;
    const stored = (await app.runtime.eventStore.readStream(stream)).slice(1);
    expect(messages.map((m) => [m.id, m.event])).toEqual(stored.map((e) => [formatPosition(e.position), e.type]));
    expect(JSON.parse(messages[0].data)).toEqual({
      id: stored[0].id,
      stream,
      revision: '1',
      position: formatPosition(stored[0].position),
      type: 'NeedRecorded',
      data: { householdId: 'h', kind: 'care' },
      metadata: stored[0].metadata,
      recordedAt: stored[0].recordedAt,
    });
  });

  it('never sends personal fields to a subscriber without the pii scope', async () => {
    const stream = `household-${randomUUID()}`;
    await append(
      stream,
      event('HouseholdEnrolled', {
        householdId: 'h',
        head: { name: 'Secret Name', phone: '13900000000' },
        members: 2,
        enrolmentYear: 2012,
        batch: 1,
      }),
    );
    const [message] = await collect(`${base}/feed?streams=${stream}`, (m) => m.length === 1);
    expect(JSON.parse(message.data).data).toEqual({ householdId: 'h', members: 2, enrolmentYear: 2012, batch: 1 });
    expect(message.data).not.toContain('Secret Name');
    const { body } = await request(app.http).get(`/feed/events?streams=${stream}`).set(subscriber).expect(200);
    expect(body.events[0].data).toEqual({ householdId: 'h', members: 2, enrolmentYear: 2012, batch: 1 });
  });

  it('sends personal fields to a subscriber with the pii scope', async () => {
    const stream = `household-${randomUUID()}`;
    await append(
      stream,
      event('HouseholdEnrolled', { householdId: 'h', head: { name: 'Ma Lan' }, members: 2, enrolmentYear: 2012, batch: 1 }),
    );
    const pii = { Authorization: `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}` };
    const [message] = await collect(`${base}/feed?streams=${stream}`, (m) => m.length === 1, undefined, pii);
    expect(JSON.parse(message.data).data).toEqual({
      householdId: 'h',
      head: { name: 'Ma Lan' },
      members: 2,
      enrolmentYear: 2012,
      batch: 1,
    });
  });

  it('refuses the feed to a caller without a token, and to a role that is not a subscriber', async () => {
    await request(app.http).get('/feed/events').set('X-Test-Anonymous', '1').expect(401);
    await request(app.http)
      .get('/feed/events')
      .set('Authorization', `Bearer ${await app.token('registrar')}`)
      .expect(403);
  });

  it('filters by event type and stream prefix', async () => {
    const tag = randomUUID().slice(0, 8);
    await append(`loan${tag}-1`, event('LoanGranted'), event('LoanRepaid'));
    await append(`household${tag}-1`, event('HouseholdEnrolled'), event('LoanGranted'));
    await append(`other${tag}-1`, event('LoanGranted'));
    const messages = await collect(
      `${base}/feed?types=LoanGranted,HouseholdEnrolled&streams=loan${tag}-,household${tag}-`,
      (m) => m.length === 3,
    );
    expect(messages.map((m) => [JSON.parse(m.data).stream, m.event])).toEqual([
      [`loan${tag}-1`, 'LoanGranted'],
      [`household${tag}-1`, 'HouseholdEnrolled'],
      [`household${tag}-1`, 'LoanGranted'],
    ]);
  });

  it('resumes strictly after Last-Event-ID, which takes precedence over from', async () => {
    const stream = `loan-${randomUUID()}`;
    await append(stream, event('LoanGranted'), event('LoanRepaymentRecorded'), event('LoanRepaid'));
    const stored = await app.runtime.eventStore.readStream(stream);
    const messages = await collect(`${base}/feed?from=start&streams=${stream}`, (m) => m.length === 2, formatPosition(stored[0].position));
    expect(messages.map((m) => m.id)).toEqual(stored.slice(1).map((e) => formatPosition(e.position)));
  });

  it('sends heartbeat comments while idle', async () => {
    const comments: string[] = [];
    let stop: () => void = () => undefined;
    const beaten = new Promise<void>((resolve) => (stop = resolve));
    const connection = await openSse(
      `${base}/feed?from=end`,
      { comment: (text) => (comments.push(text), comments.length >= 2 && stop()) },
      undefined,
      subscriber,
    );
    await beaten;
    connection.close();
    expect(comments.slice(0, 2)).toEqual(['heartbeat', 'heartbeat']);
  });

  it('closes the subscription when the client goes away', async () => {
    const sessions = app.app.get(FeedSessions);
    await eventually(async () => expect(sessions.active).toBe(0));
    const connection = await openSse(`${base}/feed?from=end`, {}, undefined, subscriber);
    await eventually(async () => expect(sessions.active).toBe(1));
    connection.close();
    await eventually(async () => expect(sessions.active).toBe(0));
  });

  it.each([
    ['from=12x', 'from', '12x'],
    ['types=Good,bad%20name', 'types', 'bad name'],
    ['streams=household-,,', 'streams', ''],
    ['from=1&from=2', 'from', undefined],
  ])('answers a malformed %s with a 400 problem naming it', async (query, parameter, value) => {
    const response = await request(app.http).get(`/feed?${query}`).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'invalid-query' });
    expect(response.body.detail).toContain(parameter);
    if (value !== undefined) expect(response.body.value).toBe(value);
  });

  it('answers a malformed Last-Event-ID with a 400', async () => {
    const response = await request(app.http).get('/feed').set('Last-Event-ID', 'nope').expect(400);
    expect(response.body.detail).toContain('Last-Event-ID');
  });

  it('pages the same events as JSON, with the position to continue from', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 5; i += 1) await append(`page${tag}-${i}`, event('LoanGranted', { i }), event('LoanRepaid', { i }));
    const pages: unknown[][] = [];
    let from = 'start';
    for (;;) {
      const { body } = await request(app.http)
        .get(`/feed/events?from=${from}&limit=3&streams=page${tag}-&types=LoanGranted,LoanRepaid`)
        .set(subscriber)
        .expect(200);
      if (body.next === null) break;
      expect(body.next).toBe(body.events[body.events.length - 1].position);
      pages.push(body.events);
      from = body.next;
    }
    const expected = (await all()).filter((e: RecordedEvent) => e.stream.startsWith(`page${tag}-`));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat().map((e) => (e as { id: string }).id)).toEqual(expected.map((e) => e.id));
  });

  it('answers a malformed limit with a 400 naming it', async () => {
    const response = await request(app.http).get('/feed/events?limit=5000').expect(400);
    expect(response.body.detail).toContain('limit');
  });
});
