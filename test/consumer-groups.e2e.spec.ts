/** Consumer groups over HTTP: leases, acknowledgements, redelivery, parking and replay. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, formatPosition } from '@libs/event-store';
import { eventually, startTestApp, TestApp, storeWithoutSchemaCheck } from './support/test-app';

export const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'groups-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

describe('consumer groups', () => {
  let app: TestApp;
  let base: string;
  let subscriber: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
    subscriber = `Bearer ${await app.token('subscriber')}`;
  });
  afterAll(async () => {
    await app.close();
  });

  /** A city-wide subscriber without the pii scope. */
  const api = () => request.agent(base).set('Authorization', subscriber);
  const append = (stream: string, ...events: EventToAppend[]) => storeWithoutSchemaCheck(app).appendToStream(stream, events);
  const define = (name: string, body: object) => api().put(`/consumer-groups/${name}`).send(body);
  const claim = (name: string, consumer: string, max = 10) =>
    api().post(`/consumer-groups/${name}/claim`).send({ consumer, max }).expect(200);
  const ack = (name: string, consumer: string, eventIds: string[]) =>
    api().post(`/consumer-groups/${name}/ack`).send({ consumer, eventIds }).expect(200);
  const nack = (name: string, consumer: string, eventIds: string[], reason = 'handler failed') =>
    api().post(`/consumer-groups/${name}/nack`).send({ consumer, eventIds, reason }).expect(200);
  const ids = (body: { events: { id: string }[] }) => body.events.map((e) => e.id);

  it('creates a group with PUT, answers the same PUT with 200, and refuses another filter with 409', async () => {
    const name = `g-${randomUUID()}`.slice(0, 40);
    const body = { filter: { types: ['LoanGranted'], streams: ['loan-'] }, from: 'start', maxDeliveries: 3, leaseMs: 5000 };
    const created = await define(name, body).expect(201);
    expect(created.body).toEqual({
      name,
      scope: '640100',
      filter: { types: ['LoanGranted'], streams: ['loan-'] },
      from: 'start',
      maxDeliveries: 3,
      leaseMs: 5000,
      checkpoint: null,
      pending: { ready: 0, leased: 0, parked: 0 },
      acknowledged: 0,
    });
    await define(name, { ...body, maxDeliveries: 4 }).expect(200);
    expect((await api().get(`/consumer-groups/${name}`).expect(200)).body.maxDeliveries).toBe(4);
    const conflict = await define(name, { ...body, filter: { types: ['LoanRepaid'] } }).expect(409);
    expect(conflict.body.code).toBe('consumer-group-exists');
  });

  it('removes a group with DELETE, after which it is not found', async () => {
    const name = `gone-${randomUUID().slice(0, 8)}`;
    await define(name, {}).expect(201);
    await api().delete(`/consumer-groups/${name}`).expect(204);
    await api().get(`/consumer-groups/${name}`).expect(404);
    await api().delete(`/consumer-groups/${name}`).expect(404);
  });

  it.each([
    ['an unknown field', { colour: 'red' }],
    ['a malformed from', { from: 'yesterday' }],
    ['a malformed type', { filter: { types: ['not a type'] } }],
    ['zero deliveries', { maxDeliveries: 0 }],
  ])('refuses a group definition with %s', async (_label, body) => {
    const response = await define('bad', body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 404 for a group that does not exist', async () => {
    const response = await api().post('/consumer-groups/no-such-group/claim').send({ consumer: 'c1', max: 1 }).expect(404);
    expect(response.body.code).toBe('consumer-group-not-found');
  });

  it('leases matching events in log order, redacted, and acknowledged events are not delivered again', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `leases-${tag}`;
    await define(name, { filter: { streams: [`household${tag}-`] } }).expect(201);
    await append(
      `household${tag}-1`,
      event('HouseholdEnrolled', { head: { name: 'Ma Lan' }, members: 2 }),
      event('NeedRecorded', { description: 'x' }),
    );
    await append(`other${tag}-1`, event('LoanGranted'));
    await append(`household${tag}-2`, event('HouseholdEnrolled', { head: { name: 'Li Wei' }, members: 5 }));
    const stored = await app.runtime.eventStore.readAll({ filter: { streamPrefixes: [`household${tag}-`] } });

    const first = await claim(name, 'c1', 2);
    expect(ids(first.body)).toEqual(stored.slice(0, 2).map((e) => e.id));
    expect(first.body.events[0]).toMatchObject({
      stream: `household${tag}-1`,
      revision: '0',
      position: formatPosition(stored[0].position),
      attempt: 1,
      data: { members: 2 },
    });
    expect(JSON.stringify(first.body)).not.toContain('Ma Lan');
    expect(first.body.leaseExpiresAt).toEqual(expect.any(String));

    const acked = await ack(name, 'c1', ids(first.body));
    expect(acked.body).toEqual({ acknowledged: expect.arrayContaining(ids(first.body)), notHeld: [] });
    const second = await claim(name, 'c1', 10);
    expect(ids(second.body)).toEqual([stored[2].id]);
    expect((await ack(name, 'c2', ids(second.body))).body).toEqual({ acknowledged: [], notHeld: ids(second.body) });
  });

  it('does not give a stream another consumer holds, even its later events', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `held-${tag}`;
    await define(name, { filter: { streams: [`loan${tag}-`] }, leaseMs: 600_000 }).expect(201);
    await append(`loan${tag}-1`, event('LoanGranted'), event('LoanRepaid'));
    const first = await claim(name, 'c1', 1);
    expect(first.body.events.map((e: { revision: string }) => e.revision)).toEqual(['0']);
    expect((await claim(name, 'c2')).body.events).toEqual([]);
    await ack(name, 'c1', ids(first.body));
    expect((await claim(name, 'c2')).body.events.map((e: { revision: string }) => e.revision)).toEqual(['1']);
  });

  it('redelivers an unacknowledged event when its lease expires, to another consumer', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `expiry-${tag}`;
    await define(name, { filter: { streams: [`loan${tag}-`] }, leaseMs: 200 }).expect(201);
    await append(`loan${tag}-1`, event('LoanGranted'), event('LoanRepaid'));
    const first = await claim(name, 'c1');
    expect(first.body.events).toHaveLength(2);
    // Leases taken from now on are long, so c2's does not run out before it acknowledges; c1's stays short.
    await define(name, { filter: { streams: [`loan${tag}-`] }, leaseMs: 600_000 }).expect(200);
    const again = await eventually(async () => {
      const response = await claim(name, 'c2');
      expect(response.body.events).toHaveLength(2);
      return response.body;
    });
    expect(ids(again)).toEqual(ids(first.body));
    expect(again.events.map((e: { attempt: number }) => e.attempt)).toEqual([2, 2]);
    expect((await ack(name, 'c1', ids(first.body))).body.notHeld).toEqual(ids(first.body));
    expect((await ack(name, 'c2', ids(again))).body.notHeld).toEqual([]);
  });

  it('parks an event refused maxDeliveries times, lets its stream go on, and replays it on request', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `parking-${tag}`;
    await define(name, { filter: { streams: [`loan${tag}-`] }, maxDeliveries: 2 }).expect(201);
    await append(`loan${tag}-1`, event('LoanGranted'), event('LoanRepaymentRecorded'));
    const [poison, next] = (await app.runtime.eventStore.readStream(`loan${tag}-1`)).map((e) => e.id);

    const first = await claim(name, 'c1');
    expect(ids(first.body)).toEqual([poison, next]);
    expect((await nack(name, 'c1', [poison], 'cannot parse')).body).toEqual({ retried: [poison], parked: [], notHeld: [] });
    const second = await claim(name, 'c2'); // the refusal released the later event too: the stream restarts in order
    expect(ids(second.body)).toEqual([poison, next]);
    expect(second.body.events.map((e: { attempt: number }) => e.attempt)).toEqual([2, 1]);
    expect((await nack(name, 'c2', [poison], 'still cannot parse')).body).toEqual({ retried: [], parked: [poison], notHeld: [] });

    const parked = await api().get(`/consumer-groups/${name}/parked`).expect(200);
    expect(parked.body.events).toEqual([
      expect.objectContaining({ id: poison, attempts: 2, reason: 'still cannot parse', parkedAt: expect.any(String) }),
    ]);
    const third = await claim(name, 'c2');
    expect(ids(third.body)).toEqual([next]);
    await ack(name, 'c2', [next]);

    expect((await api().post(`/consumer-groups/${name}/parked/replay`).send({}).expect(200)).body).toEqual({ replayed: 1 });
    expect((await api().get(`/consumer-groups/${name}/parked`).expect(200)).body.events).toEqual([]);
    const replayed = await claim(name, 'c3');
    expect(replayed.body.events).toEqual([expect.objectContaining({ id: poison, attempt: 1 })]);
    await ack(name, 'c3', [poison]);
    expect((await api().get(`/consumer-groups/${name}`).expect(200)).body).toMatchObject({
      pending: { ready: 0, leased: 0, parked: 0 },
      acknowledged: 2,
    });
  });

  it('parks an event whose lease expired maxDeliveries times', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `expiry-park-${tag}`;
    await define(name, { filter: { streams: [`loan${tag}-`] }, maxDeliveries: 1, leaseMs: 50 }).expect(201);
    await append(`loan${tag}-1`, event('LoanGranted'));
    expect((await claim(name, 'c1')).body.events).toHaveLength(1);
    const parked = await eventually(async () => {
      const response = await api().get(`/consumer-groups/${name}/parked`).expect(200);
      expect(response.body.events).toHaveLength(1);
      return response.body.events[0];
    });
    expect(parked).toMatchObject({ attempts: 1, reason: 'lease expired' });
    expect((await claim(name, 'c1')).body.events).toEqual([]);
  });

  it('does not starve a consumer behind a long queue of a stream another consumer holds', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `starve-${tag}`;
    await define(name, { filter: { streams: [`loan${tag}-`] } }).expect(201);
    await append(`loan${tag}-busy`, ...Array.from({ length: 700 }, () => event('LoanRepaymentRecorded')));
    await append(`loan${tag}-other`, event('LoanGranted'));
    const held = await claim(name, 'c1', 1);
    expect(held.body.events[0]).toMatchObject({ stream: `loan${tag}-busy`, revision: '0' });
    const other = await claim(name, 'c2', 5);
    expect(other.body.events.map((e: { stream: string }) => e.stream)).toEqual([`loan${tag}-other`]);
  });

  it('gives personal fields to a subscriber with the pii scope, read again from the log', async () => {
    const tag = randomUUID().slice(0, 8);
    const name = `pii-${tag}`;
    await define(name, { filter: { streams: [`household${tag}-`] } }).expect(201);
    await append(`household${tag}-1`, event('HouseholdEnrolled', { head: { name: 'Ma Lan' }, members: 2, enrolmentYear: 2012, batch: 1 }));
    const token = `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}`;
    const claimed = await request(base)
      .post(`/consumer-groups/${name}/claim`)
      .set('Authorization', token)
      .send({ consumer: 'c1', max: 1 })
      .expect(200);
    expect(claimed.body.events[0].data).toEqual({ head: { name: 'Ma Lan' }, members: 2, enrolmentYear: 2012, batch: 1 });
    const stored: { event: { data: unknown } }[] = await app.runtime.dataSource.query(
      `SELECT event FROM consumer_groups.pending WHERE group_name = $1`,
      [name],
    );
    expect(JSON.stringify(stored)).not.toContain('Ma Lan');
  });
});
