/**
 * Every event type the registry declares personal fields for, with a distinctive marker in each of them:
 * a reader without the `pii` scope finds none of the markers (nor their ciphertext) in anything the feed or
 * a consumer group sends it (SSE history and live, JSON pages, claims, the parked list); a reader with it
 * finds every one, so the search would have found a leak. The list comes from PERSONAL_FIELDS, so a type
 * added later is covered without touching this file.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_TYPE_REGISTRY } from '@libs/domain/event-types';
import { EventToAppend } from '@libs/event-store';
import { CIPHER_PREFIX } from '@libs/personal-data';
import { openSse } from '@apps/api/src/feed/sse-client';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const personalTypes = [...EVENT_TYPE_REGISTRY.values()].filter((info) => info.personalFields.length > 0);

/** `data` with `value` at the dot path, creating the objects on the way. */
function withPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...data, [head]: value };
  const inner = (data[head] ?? {}) as Record<string, unknown>;
  return { ...data, [head]: withPath({ ...inner, kept: 'not personal' }, rest.join('.'), value) };
}

describe('personal fields on the subscriber channels', () => {
  let app: TestApp;
  let base: string;
  const tag = randomUUID().slice(0, 8);
  const markers: string[] = [];
  const prefixes: string[] = [];
  let plain: Record<string, string>;
  let pii: Record<string, string>;

  /** Two events per type: every personal path a string, then an object holding a string and an array of them. */
  function eventsOf(type: string, paths: readonly string[], householdId: string): EventToAppend[] {
    return [0, 1].map((variant) => {
      let data: Record<string, unknown> = { householdId, villageCode: '640104001001', screeningId: randomUUID() };
      for (const path of paths) {
        const marker = () => {
          const made = `PII${tag}${markers.length}X`;
          markers.push(made);
          return made;
        };
        data = withPath(data, path, variant === 0 ? marker() : { name: marker(), notes: [marker(), marker()] });
      }
      const metadata = {
        actor: 'redaction-test',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: '2026-01-01T00:00:00Z',
      };
      return { id: randomUUID(), type, data, metadata };
    });
  }

  /** Everything a reader is sent over SSE (ids, types, data) until `count` messages have come. */
  async function sseText(url: string, headers: Record<string, string>, count: number, meanwhile?: () => Promise<void>): Promise<string> {
    let text = '';
    let received = 0;
    let stop: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (stop = resolve));
    const connection = await openSse(
      url,
      { message: (m) => ((text += `${m.id}\n${m.event}\n${m.data}\n`), (received += 1) >= count && stop()) },
      undefined,
      headers,
    );
    await meanwhile?.();
    await Promise.race([enough, connection.done]);
    connection.close();
    expect(received).toBeGreaterThanOrEqual(count);
    return text;
  }

  const expectNoPersonalData = (text: string) => {
    expect(markers.filter((marker) => text.includes(marker))).toEqual([]);
    expect(text).not.toContain(CIPHER_PREFIX);
  };

  async function appendAll(): Promise<number> {
    let count = 0;
    for (const { type, streamCategory, personalFields } of personalTypes) {
      const householdId = randomUUID();
      const prefix = `${streamCategory}-${tag}`;
      if (!prefixes.includes(prefix)) prefixes.push(prefix);
      const events = eventsOf(type, personalFields, householdId);
      await storeWithoutSchemaCheck(app).appendToStream(`${prefix}${randomUUID()}`, events);
      count += events.length;
    }
    return count;
  }

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
    plain = { Authorization: `Bearer ${await app.token('subscriber')}` };
    pii = { Authorization: `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}` };
  });
  afterAll(async () => {
    await app.close();
  });

  it('covers every event type with personal fields, from each aggregate', () => {
    const categories = new Set(personalTypes.map((info) => info.streamCategory));
    expect([...categories].sort()).toEqual(['activity', 'case', 'household', 'loan', 'screening', 'supervision', 'support']);
  });

  it('sends none of them over SSE, history and live, nor on JSON pages, without the pii scope; all of them with it', async () => {
    const history = await appendAll();
    const streams = `streams=${prefixes.join(',')}`;
    const catchUp = await sseText(`${base}/feed?${streams}`, plain, history);
    let live = 0;
    const liveText = await sseText(`${base}/feed?from=end&${streams}`, plain, history, async () => {
      live = await appendAll();
    });
    expect(live).toBe(history);
    const { body } = await request(app.http).get(`/feed/events?limit=1000&${streams}`).set(plain).expect(200);
    expect(body.events).toHaveLength(history + live);
    for (const event of body.events as { type: string; data: Record<string, unknown> }[])
      for (const path of EVENT_TYPE_REGISTRY.get(event.type)!.personalFields) {
        const [head, ...rest] = path.split('.');
        expect(rest.length === 0 ? event.data[head] : (event.data[head] as Record<string, unknown>)[rest.join('.')]).toBeUndefined();
      }
    expectNoPersonalData(catchUp + liveText + JSON.stringify(body));

    const opened = await sseText(`${base}/feed?${streams}`, pii, history + live);
    expect(markers.filter((marker) => !opened.includes(marker))).toEqual([]);
  });

  it('leaves them out of claims and the parked list of a consumer group without the pii scope', async () => {
    await appendAll();
    const group = `redaction-${tag}`;
    await request(app.http)
      .put(`/consumer-groups/${group}`)
      .set(plain)
      .send({ filter: { streams: prefixes }, maxDeliveries: 1 })
      .expect(201);
    let sent = '';
    const ids: string[] = [];
    for (;;) {
      const claimed = await request(app.http)
        .post(`/consumer-groups/${group}/claim`)
        .set(plain)
        .send({ consumer: 'c', max: 1000 })
        .expect(200);
      if (claimed.body.events.length === 0) break;
      sent += JSON.stringify(claimed.body);
      const eventIds = claimed.body.events.map((e: { id: string }) => e.id);
      ids.push(...eventIds);
      await request(app.http)
        .post(`/consumer-groups/${group}/nack`)
        .set(plain)
        .send({ consumer: 'c', eventIds, reason: 'parked for the test' })
        .expect(200);
    }
    const parked = await request(app.http).get(`/consumer-groups/${group}/parked?limit=1000`).set(plain).expect(200);
    expect(parked.body.events).toHaveLength(ids.length);
    expectNoPersonalData(sent + JSON.stringify(parked.body));
    const opened = await request(app.http).get(`/consumer-groups/${group}/parked?limit=1000`).set(pii).expect(200);
    expect(markers.filter((marker) => !JSON.stringify(opened.body).includes(marker))).toEqual([]);
  });
});
