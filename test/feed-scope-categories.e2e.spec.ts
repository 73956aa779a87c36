/**
 * Scoped subscribers and every stream category (libs/domain/stream-owner.ts): a district's, a township's
 * and the city's tokens each receive exactly the streams inside their org unit, on the JSON pages, over SSE
 * (history and live) and through a consumer group, including the categories added after the feed's own
 * tests (support, screening, pilot villages, activities, the city's bulletins) and streams that name no
 * place (responsibilities, a loan of an unknown household), which only the whole city receives.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend } from '@libs/event-store';
import { openSse } from '@apps/api/src/feed/sse-client';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const CITY = '640100';
const XINGQING = '640104';
const XINGQING_TOWNSHIP = '640104001';
const XIXIA = '640105';

const event = (type: string, data: Record<string, unknown>): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'scope-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-01-01T00:00:00Z' },
});

/** Where a stream sits, and so which of the tokens may receive it. */
interface Placed {
  stream: string;
  events: EventToAppend[];
  /** The org units whose tokens receive it (the city's always does). */
  seenBy: string[];
}

/** One stream of every category in the district (its village or township where the category has one). */
function streamsIn(district: string, tag: string): Placed[] {
  const village = `${district}001001`;
  const township = `${district}001`;
  const householdId = `${tag}${randomUUID()}`;
  const all = [district, township];
  const id = () => `${tag}${randomUUID()}`;
  return [
    { stream: `household-${householdId}`, events: [event('HouseholdEnrolled', { householdId, villageCode: village })], seenBy: all },
    { stream: `loan-${id()}`, events: [event('LoanGranted', { householdId })], seenBy: all },
    {
      stream: `support-${id()}`,
      events: [event('SupportGranted', { householdId }), event('SupportDelivered', { householdId })],
      seenBy: all,
    },
    { stream: `case-${id()}`, events: [event('CaseOpened', { districtCode: district })], seenBy: [district] },
    { stream: `activity-${id()}`, events: [event('GroupActivityHeld', { orgUnitCode: township })], seenBy: all },
    { stream: `screening-${id()}`, events: [event('ScreeningSubjectRegistered', { villageCode: village })], seenBy: all },
    { stream: `pilotvillage-${village}`, events: [event('PilotVillageDesignated', { villageCode: village })], seenBy: all },
    { stream: `supervision-${district}`, events: [event('SupervisorAssigned', { districtCode: district })], seenBy: [district] },
  ];
}

describe('scoped subscribers and every stream category', () => {
  let app: TestApp;
  let base: string;
  const tag = randomUUID().slice(0, 6);
  const placed: Placed[] = [];
  const auth = async (ou: string) => ({ Authorization: `Bearer ${await app.token('subscriber', ou === CITY ? {} : { ou })}` });
  const expectedFor = (ou: string, among = placed) =>
    among.filter((p) => ou === CITY || p.seenBy.includes(ou)).flatMap((p) => p.events.map((e) => e.id));

  async function append(streams: Placed[]): Promise<void> {
    for (const { stream, events } of streams) await storeWithoutSchemaCheck(app).appendToStream(stream, events);
    placed.push(...streams);
  }

  /** Streams of both districts and of no place, interleaved. */
  const batch = (): Placed[] => {
    const [xingqing, xixia] = [streamsIn(XINGQING, tag), streamsIn(XIXIA, tag)];
    const nowhere: Placed[] = [
      { stream: `responsibility-${tag}${randomUUID()}`, events: [event('ResponsibilityAssigned', { unitCode: XINGQING })], seenBy: [] },
      { stream: `loan-${tag}${randomUUID()}`, events: [event('LoanGranted', { householdId: randomUUID() })], seenBy: [] },
      { stream: `supervision-${CITY}`, events: [event('CityBulletinIssued', { bulletinId: randomUUID() })], seenBy: [] },
    ];
    return xingqing.flatMap((p, i) => [p, xixia[i], ...(nowhere[i] ? [nowhere[i]] : [])]);
  };

  /** Ids of this test's events a token receives from the JSON pages, `limit` at a time. */
  async function pages(ou: string, limit: number): Promise<string[]> {
    const headers = await auth(ou);
    const ids: string[] = [];
    for (let from = 'start'; ;) {
      const { body } = await request(app.http).get(`/feed/events?from=${from}&limit=${limit}`).set(headers).expect(200);
      if (body.next === null) return ids.filter(ofThisTest);
      ids.push(...body.events.map((e: { id: string }) => e.id));
      from = body.next;
    }
  }
  const ofThisTest = (id: string) => placed.some((p) => p.events.some((e) => e.id === id));

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
    await append(batch());
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([CITY, XINGQING, XINGQING_TOWNSHIP, XIXIA])('gives the token of %s exactly its streams on the JSON pages', async (ou) => {
    expect(await pages(ou, 1000)).toEqual(expectedFor(ou));
    expect(await pages(ou, 3)).toEqual(expectedFor(ou));
  });

  it('streams a district its streams over SSE, history then live, of every category', async () => {
    const history = expectedFor(XINGQING);
    const later = batch();
    const expected = [...history, ...expectedFor(XINGQING, later)];
    const ours = new Set([...placed, ...later].flatMap((p) => p.events.map((e) => e.id)));
    const received: string[] = [];
    let stop: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (stop = resolve));
    const message = ({ data }: { data: string }) => {
      const { id } = JSON.parse(data) as { id: string };
      if (ours.has(id) && received.push(id) >= expected.length) stop();
    };
    const connection = await openSse(`${base}/feed`, { message }, undefined, await auth(XINGQING));
    try {
      await append(later);
      await Promise.race([enough, connection.done]);
    } finally {
      connection.close();
    }
    expect(received.filter(ofThisTest)).toEqual(expected);
  });

  it("gives a township's consumer group its township's streams only", async () => {
    const headers = await auth(XINGQING_TOWNSHIP);
    const group = `township-${tag}`;
    await request(app.http).put(`/consumer-groups/${group}`).set(headers).send({ from: 'start' }).expect(201);
    const received: string[] = [];
    for (;;) {
      const { body } = await request(app.http)
        .post(`/consumer-groups/${group}/claim`)
        .set(headers)
        .send({ consumer: 'c', max: 5 })
        .expect(200);
      if (body.events.length === 0) break;
      const eventIds = body.events.map((e: { id: string }) => e.id);
      received.push(...eventIds);
      await request(app.http).post(`/consumer-groups/${group}/ack`).set(headers).send({ consumer: 'c', eventIds }).expect(200);
    }
    expect(received.filter(ofThisTest)).toEqual(expectedFor(XINGQING_TOWNSHIP));
  });
});
