/**
 * A district's downstream system subscribes with a token scoped to its district and receives only the
 * events of streams inside it, on the JSON pages and the SSE feed; resuming by position misses nothing
 * within its scope and repeats nothing.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse } from '@apps/api/src/feed/sse-client';
import { startTestApp, TestApp } from './support/test-app';

const XINGQING = '640104';
const XINGQING_TOWNSHIP = '640104001';
const XIXIA = '640105';

describe('the feed for a subscriber scoped to one district', () => {
  let app: TestApp;
  let base: string;
  const households: Record<string, string[]> = { [XINGQING]: [], [XIXIA]: [] };
  const auth = async (ou?: string) => ({ Authorization: `Bearer ${await app.token('subscriber', ou ? { ou } : {})}` });

  const enrol = async (villageCode: string) => {
    const householdId = randomUUID();
    const body = { householdId, villageCode, category: 'developing', members: 3, head: { name: 'Ma Lan' }, enrolmentYear: 2012 };
    await request(app.http).post('/households').send(body).expect(201);
    await request(app.http)
      .post(`/households/${householdId}/needs`)
      .send({ focusArea: 'health', kind: 'care', description: 'a check' })
      .expect(201);
    return householdId;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
    // Interleaved, so a scoped reader's pages hold the other district's events between its own.
    for (let i = 0; i < 3; i++) {
      households[XINGQING].push(await enrol('640104001001'));
      households[XIXIA].push(await enrol('640105001001'));
    }
    const loan = {
      loanId: randomUUID(),
      householdId: households[XINGQING][0],
      borrowerGroup: 'woman',
      programmeCode: 'womens-micro-loan',
      principalFen: 2_000_000,
      interestSubsidyBps: 600,
      termMonths: 12,
      lender: 'Yinchuan Rural Credit Cooperative',
    };
    await request(app.http).post('/loans').send(loan).expect(201);
  });
  afterAll(async () => {
    await app.close();
  });

  /** Every event a caller receives through the JSON pages, `limit` at a time, following `next`. */
  async function pages(headers: Record<string, string>, limit: number) {
    const received: { id: string; stream: string; position: string }[] = [];
    let from = 'start';
    for (;;) {
      const { body } = await request(app.http).get(`/feed/events?from=${from}&limit=${limit}`).set(headers).expect(200);
      if (body.next === null) return received;
      received.push(...body.events);
      from = body.next;
    }
  }

  const inDistrict = (district: string, stream: string, loanStreams: string[]) =>
    households[district].some((id) => stream === `household-${id}`) || loanStreams.includes(stream);

  it("gives a district's token only the events of its district's households and their loans, in log order", async () => {
    const all = await pages(await auth(), 1000);
    const loanStreams = all.filter((e) => e.stream.startsWith('loan-')).map((e) => e.stream);
    const expected = all.filter((e) => inDistrict(XINGQING, e.stream, loanStreams));
    expect(expected.length).toBe(3 * 2 + 1);
    for (const limit of [1, 2, 1000]) {
      const scoped = await pages(await auth(XINGQING), limit);
      expect(scoped.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    }
    const other = await pages(await auth(XIXIA), 3);
    expect(other.map((e) => e.stream)).toEqual(all.filter((e) => inDistrict(XIXIA, e.stream, [])).map((e) => e.stream));
    expect((await pages(await auth(XINGQING_TOWNSHIP), 2)).map((e) => e.id)).toEqual(expected.map((e) => e.id));
  });

  it('answers a page of only out-of-scope events with none, and a next position past them', async () => {
    const all = await pages(await auth(), 1000);
    const firstXixia = all.findIndex((e) => e.stream === `household-${households[XIXIA][0]}`);
    const from = all[firstXixia - 1].position;
    const { body } = await request(app.http)
      .get(`/feed/events?from=${from}&limit=2`)
      .set(await auth(XINGQING))
      .expect(200);
    expect(body.events).toEqual([]);
    expect(body.next).toBe(all[firstXixia + 1].position);
  });

  it('streams only in-scope events over SSE, live too, and resumes from Last-Event-ID without repeats', async () => {
    const headers = await auth(XINGQING);
    const collect = async (count: number, lastEventId?: string, meanwhile?: () => Promise<void>) => {
      const messages: SseMessage[] = [];
      let stop: () => void = () => undefined;
      const enough = new Promise<void>((resolve) => (stop = resolve));
      const message = (m: SseMessage) => (messages.push(m), messages.length >= count && stop());
      const connection = await openSse(`${base}/feed`, { message }, lastEventId, headers);
      await meanwhile?.();
      await Promise.race([enough, connection.done]);
      connection.close();
      return messages;
    };
    const before = (await pages(await auth(XINGQING), 1000)).length;
    // A chunk may hold more than asked for: the client resumes after the last one it processed.
    const first = (await collect(3)).slice(0, 3);
    // Resumed after the third, then two households enrolled while connected: one of each district.
    const rest = await collect(before - 3 + 2, first[2].id, async () => {
      households[XINGQING].push(await enrol('640104001001'));
      households[XIXIA].push(await enrol('640105001001'));
    });
    const expected = await pages(await auth(XINGQING), 1000);
    expect(expected).toHaveLength(before + 2);
    const received = [...first, ...rest].map((m) => JSON.parse(m.data) as { id: string; stream: string });
    expect(received.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(received.some((e) => e.stream === `household-${households[XINGQING].at(-1)}`)).toBe(true);
    expect(JSON.stringify(received)).not.toContain('Ma Lan');
  });

  it("gives a district's consumer group only its district's events, and hides it from other districts' tokens", async () => {
    const xingqing = await auth(XINGQING);
    const name = `district-${randomUUID()}`.slice(0, 40);
    const created = await request(app.http).put(`/consumer-groups/${name}`).set(xingqing).send({ from: 'start' }).expect(201);
    expect(created.body.scope).toBe(XINGQING);
    const received: string[] = [];
    for (;;) {
      const { body } = await request(app.http)
        .post(`/consumer-groups/${name}/claim`)
        .set(xingqing)
        .send({ consumer: 'c1', max: 2 })
        .expect(200);
      if (body.events.length === 0) break;
      received.push(...body.events.map((e: { id: string }) => e.id));
      await request(app.http)
        .post(`/consumer-groups/${name}/ack`)
        .set(xingqing)
        .send({ consumer: 'c1', eventIds: body.events.map((e: { id: string }) => e.id) })
        .expect(200);
    }
    expect(received).toEqual((await pages(xingqing, 1000)).map((e) => e.id));
    // Another district's token: as if the group did not exist; the city's sees it.
    const xixia = await auth(XIXIA);
    await request(app.http).get(`/consumer-groups/${name}`).set(xixia).expect(404);
    await request(app.http).post(`/consumer-groups/${name}/claim`).set(xixia).send({ consumer: 'c2', max: 2 }).expect(404);
    await request(app.http).put(`/consumer-groups/${name}`).set(xixia).send({ from: 'start' }).expect(409);
    await request(app.http).delete(`/consumer-groups/${name}`).set(xixia).expect(404);
    expect((await request(app.http).get('/consumer-groups').set(xixia).expect(200)).body.groups).toEqual([]);
    const city = await request(app.http)
      .get('/consumer-groups')
      .set(await auth())
      .expect(200);
    expect(city.body.groups.map((g: { name: string }) => g.name)).toContain(name);
    // Nor may a district's token use a group of the whole city.
    const cityGroup = `city-${randomUUID()}`.slice(0, 40);
    await request(app.http)
      .put(`/consumer-groups/${cityGroup}`)
      .set(await auth())
      .send({ from: 'start' })
      .expect(201);
    await request(app.http).post(`/consumer-groups/${cityGroup}/claim`).set(xingqing).send({ consumer: 'c3', max: 2 }).expect(404);
  });
});
