/**
 * Claims on a consumer group when consumers fail. Under load: eight writers append while four consumers claim
 * at once, and some of them crash (stop without acknowledging, so their leases expire), refuse, or
 * acknowledge late. No event is leased to two consumers while a lease on it runs, none is delivered again once
 * acknowledged, each stream is acknowledged in log order, and every event of the log is acknowledged exactly
 * once. And a consumer restarted under its old name after a crash resumes its streams where they stopped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CITY_CODE } from '../event-scope';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '../testing/store-database';
import { ConsumerGroups } from './consumer-groups';

const LEASE_MS = 400;

/** A small seeded generator, so a failing interleaving can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

interface Held {
  consumer: string;
  stream: string;
  until: number;
}

describe('claims on a consumer group', () => {
  let db: StoreDatabase;
  let groups: ConsumerGroups;

  beforeAll(async () => {
    db = await openStoreDatabase();
    groups = new ConsumerGroups(db.dataSource, db.store);
    await groups.define('g', {
      filter: { streamPrefixes: ['loan-'] },
      from: 'start',
      maxDeliveries: 100,
      leaseMs: LEASE_MS,
      scope: CITY_CODE,
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('never leases an event to two consumers at once, never redelivers an acknowledged one, and loses none', async () => {
    const next = random(11);
    const streams = Array.from({ length: 10 }, (_, i) => `loan-${i}`);
    let writing = true;
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let batch = 0; batch < 15; batch += 1) {
        const stream = streams[Math.floor(next() * streams.length)];
        const events = Array.from({ length: 1 + Math.floor(next() * 3) }, () => eventToAppend('LoanRepaymentRecorded', { writer, batch }));
        await db.store.appendToStream(stream, events);
      }
    });
    const written = Promise.all(writers).then(() => (writing = false));

    const held = new Map<string, Held>(); // event id -> who the test knows holds its lease, until when
    const ackedAt = new Map<string, number>();
    const ackedInOrder = new Map<string, bigint[]>(); // stream -> revisions acknowledged, in order
    const violations: string[] = [];
    const counts = { crashes: 0, refusals: 0, lateAcks: 0 };

    async function consume(consumer: string): Promise<void> {
      for (let idle = 0; writing || idle < 20;) {
        const started = Date.now();
        const { events, leaseExpiresAt } = await groups.claim('g', CITY_CODE, consumer, 1 + Math.floor(next() * 6));
        const received = Date.now();
        if (events.length === 0) {
          idle += 1;
          await sleep(LEASE_MS / 4);
          continue;
        }
        idle = 0;
        const until = Date.parse(leaseExpiresAt!);
        const taken = new Set(events.map((e) => e.stream));
        // The claim renewed this consumer's running leases on the streams it took; one that ran out meanwhile may not have been.
        for (const [id, lease] of held)
          if (lease.consumer === consumer && taken.has(lease.stream)) {
            if (lease.until > received) lease.until = until;
            else held.delete(id);
          }
        for (const event of events) {
          const acked = ackedAt.get(event.id);
          if (acked !== undefined && acked < started) violations.push(`${event.id} delivered to ${consumer} after its ack`);
          const other = held.get(event.id);
          // A margin for the two clocks' reading times: only a lease plainly still running counts.
          if (other && other.consumer !== consumer && other.until > received + 50)
            violations.push(`${event.id} leased to ${consumer} while ${other.consumer}'s lease ran`);
          held.set(event.id, { consumer, stream: event.stream, until });
        }
        const roll = next();
        if (roll < 0.1) {
          counts.crashes += 1; // gone without a word: the leases expire and go to whoever claims next
          await sleep(LEASE_MS * 1.5);
          if (next() < 0.5) {
            counts.lateAcks += 1;
            const late = await groups.ack(
              'g',
              CITY_CODE,
              consumer,
              events.map((e) => e.id),
            );
            if (late.acknowledged.length > 0) violations.push(`${consumer} acknowledged after its lease expired: ${late.acknowledged}`);
          }
          continue;
        }
        let processed = events;
        if (roll < 0.2) {
          counts.refusals += 1;
          // The first event fails: it and the rest of its stream's come again; the other streams' are processed.
          const refused = await groups.nack('g', CITY_CODE, consumer, [events[0].id], 'simulated failure');
          expect([...refused.retried, ...refused.parked]).toEqual([events[0].id]);
          for (const event of events.filter((e) => e.stream === events[0].stream)) held.delete(event.id);
          processed = events.filter((e) => e.stream !== events[0].stream);
        }
        for (const event of processed) held.delete(event.id);
        if (processed.length === 0) continue;
        const { acknowledged } = await groups.ack(
          'g',
          CITY_CODE,
          consumer,
          processed.map((e) => e.id),
        );
        const now = Date.now();
        for (const event of processed.filter((e) => acknowledged.includes(e.id))) {
          if (ackedAt.has(event.id)) violations.push(`${event.id} acknowledged twice`);
          ackedAt.set(event.id, now);
          ackedInOrder.set(event.stream, [...(ackedInOrder.get(event.stream) ?? []), BigInt(event.revision)]);
        }
      }
    }

    await Promise.all([written, ...['alpha', 'beta', 'gamma', 'delta'].map(consume)]);
    expect(violations).toEqual([]);
    expect(counts.crashes).toBeGreaterThan(0);
    expect(counts.refusals).toBeGreaterThan(0);
    const logged = await db.store.readAll({ filter: { streamPrefixes: ['loan-'] } });
    expect([...ackedAt.keys()].sort()).toEqual(logged.map((e) => e.id).sort());
    for (const [stream, revisions] of ackedInOrder)
      expect([stream, revisions]).toEqual([stream, logged.filter((e) => e.stream === stream).map((e) => e.revision)]);
    const view = await groups.get('g', CITY_CODE);
    expect({ pending: view.pending, acknowledged: view.acknowledged }).toEqual({
      pending: { ready: 0, leased: 0, parked: 0 },
      acknowledged: logged.length,
    });
  });

  it('does not give a consumer that lost its lease the later events of that stream first', async () => {
    await groups.define('restart', {
      filter: { streamPrefixes: ['support-'] },
      from: 'start',
      maxDeliveries: 5,
      leaseMs: LEASE_MS,
      scope: CITY_CODE,
    });
    await db.store.appendToStream('support-1', [eventToAppend('SupportGranted')]);
    await db.store.appendToStream('support-2', [eventToAppend('SupportGranted')]);
    const [lost] = (await groups.claim('restart', CITY_CODE, 'worker-1', 1)).events;
    expect(lost).toMatchObject({ stream: 'support-1', revision: '0', attempt: 1 });
    // The worker crashes with it and comes back under the same name while the stream goes on.
    await db.store.appendToStream('support-1', [eventToAppend('SupportDelivered')]);
    const meanwhile = await groups.claim('restart', CITY_CODE, 'worker-1', 10);
    expect(meanwhile.events.map((e) => [e.stream, e.revision])).toEqual([['support-2', '0']]);
    await groups.ack(
      'restart',
      CITY_CODE,
      'worker-1',
      meanwhile.events.map((e) => e.id),
    );
    // Once the lost lease has run out, the stream starts again from the lost event, in order.
    await sleep(LEASE_MS * 1.5);
    const resumed = await groups.claim('restart', CITY_CODE, 'worker-1', 10);
    expect(resumed.events.map((e) => [e.stream, e.revision, e.attempt])).toEqual([
      ['support-1', '0', 2],
      ['support-1', '1', 1],
    ]);
  });
});
