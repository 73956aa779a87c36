import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../libs/clock';
import { anEvent } from '../../libs/event-store/contract/event-store.contract';
import { RecordedEvent } from '../../libs/event-store/event-store.port';
import { verifyChain } from '../../libs/event-store/hash-chain';
import { PostgresEventStore } from '../../libs/event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../../libs/testing/test-database';
import { compareLogs, describeDifference } from './compare-logs';
import { copyLog, ReplayClock } from './copy-log';

const databases: TestDatabase[] = [];
const stores: PostgresEventStore[] = [];

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const database of databases) await database.drop();
});

async function freshStore(clock?: ManualClock | ReplayClock): Promise<PostgresEventStore> {
  const database = await createTestDatabase();
  databases.push(database);
  const store = new PostgresEventStore({ connectionString: database.url, clock });
  stores.push(store);
  return store;
}

async function freshTarget(): Promise<{ store: PostgresEventStore; clock: ReplayClock }> {
  const clock = new ReplayClock();
  return { store: await freshStore(clock), clock };
}

/** A log of interleaved streams, single and multi-event appends, each at its own time. */
async function writeHistory(store: PostgresEventStore, clock: ManualClock): Promise<number> {
  const streams = Array.from({ length: 4 }, (_, i) => `household-${i}-${randomUUID()}`);
  let count = 0;
  for (let round = 0; round < 6; round++) {
    for (const [i, stream] of streams.entries()) {
      const size = ((round + i) % 3) + 1;
      clock.advance(1_000 + i);
      await store.appendToStream(
        stream,
        Array.from({ length: size }, (_, n) => anEvent('Counted', { round, n, note: 'Zhāng 张' })),
      );
      count += size;
    }
  }
  return count;
}

const allOf = (store: PostgresEventStore) => store.readAll();

/**
 * PostgreSQL readers of the global log stop below the oldest transaction running anywhere in the
 * cluster (gap safety), and other test files hold such transactions open on purpose: wait until the
 * log shows what was written before asserting on it.
 */
async function untilVisible(store: PostgresEventStore, count: number): Promise<void> {
  while ((await store.readAll()).length < count) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('store copy and verify between two PostgreSQL logs', () => {
  let source: PostgresEventStore;
  let total: number;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-03-01T08:00:00.000Z'));
    source = await freshStore(clock);
    total = await writeHistory(source, clock);
    await untilVisible(source, total);
  });

  it('copies the whole log with ids, revisions, data, metadata, recorded times and hashes, and verifies', async () => {
    const target = await freshTarget();
    const result = await copyLog(source, target, { pageSize: 7 });
    expect(result).toEqual({ copied: total, resumedAfter: 'start', completed: true });
    await untilVisible(target.store, total);
    const strip = (events: RecordedEvent[]) => events.map(({ position: _position, ...rest }) => rest);
    expect(strip(await allOf(target.store))).toEqual(strip(await allOf(source)));
    expect(await compareLogs(source, target.store, { pageSize: 5 })).toEqual({ compared: total });
  });

  it('resumes after an interruption without writing anything twice', async () => {
    const target = await freshTarget();
    const stop = new AbortController();
    const first = await copyLog(source, target, {
      pageSize: 5,
      onProgress: (p) => p.copied >= total / 3 && stop.abort(),
      signal: stop.signal,
    });
    expect(first.completed).toBe(false);
    expect(first.copied).toBeLessThan(total);
    await untilVisible(target.store, first.copied);
    const partial = await compareLogs(source, target.store);
    expect(partial.difference?.field).toBe('missing-in-second');

    const second = await copyLog(source, target, { pageSize: 5 });
    expect(second.completed).toBe(true);
    expect(first.copied + second.copied).toBe(total);
    await untilVisible(target.store, total);
    const copiedIds = (await allOf(target.store)).map((e) => e.id);
    expect(new Set(copiedIds).size).toBe(total);
    expect(copiedIds).toEqual((await allOf(source)).map((e) => e.id));
    expect(await compareLogs(source, target.store)).toEqual({ compared: total });

    expect((await copyLog(source, target)).copied).toBe(0);
  });

  it('keeps every copied stream chain intact', async () => {
    const target = await freshTarget();
    await copyLog(source, target);
    await untilVisible(target.store, total);
    const streams = new Set((await allOf(target.store)).map((e) => e.stream));
    for (const stream of streams) expect(verifyChain(await target.store.readStream(stream))).toBeUndefined();
  });

  it('refuses to resume onto a log that is not a copy of the source', async () => {
    const target = await freshTarget();
    await target.store.appendToStream(`other-${randomUUID()}`, [anEvent()]);
    await untilVisible(target.store, 1);
    await expect(copyLog(source, target)).rejects.toThrow(/not a copy of the source/);
  });

  it('reports the first event that differs, naming the field but not the values', async () => {
    const target = await freshTarget();
    await copyLog(source, target);
    const [last] = await source.readAll({ direction: 'backwards', maxCount: 1 });
    target.clock.set(last.recordedAt);
    await target.store.appendToStream(last.stream, [anEvent('Counted', { secret: 'Li Wei 13800000000' })]);
    await untilVisible(target.store, total + 1);
    const result = await compareLogs(source, target.store);
    expect(result.difference).toMatchObject({ index: total, field: 'missing-in-first', stream: last.stream, revision: last.revision + 1n });
    expect(describeDifference(result.difference!)).not.toMatch(/Li Wei|1380/);

    const tampered = await freshTarget();
    const [firstEvent] = await source.readAll({ maxCount: 1 });
    tampered.clock.set(firstEvent.recordedAt);
    await tampered.store.appendToStream(firstEvent.stream, [{ ...anEvent('Counted', { round: 9 }), id: firstEvent.id }]);
    await untilVisible(tampered.store, 1);
    expect((await compareLogs(source, tampered.store)).difference).toMatchObject({ index: 0, field: 'data', eventId: firstEvent.id });
  });
});
