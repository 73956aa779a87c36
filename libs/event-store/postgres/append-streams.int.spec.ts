/**
 * The multi-stream append (bulk loads): many streams in one transaction, each chain finished from the
 * head it had, every expectation checked, and nothing written when any append is refused.
 */
import { randomUUID } from 'node:crypto';
import { anEvent } from '../contract/event-store.contract';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { verifyChain } from '../hash-chain';
import { openTestStore } from '../../testing/store-database';
import { PostgresEventStore } from './postgres-event-store';

describe('appendToStreams on PostgreSQL', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openTestStore()));
  afterAll(() => close());

  const stream = () => `household-${randomUUID()}`;
  const events = (count: number) => Array.from({ length: count }, () => anEvent());
  const logLength = async () => Number((await store.pool.query(`SELECT count(*) AS n FROM event_store.events`)).rows[0].n);

  it('writes new and existing streams in one transaction, each chain continued from its head', async () => {
    const [existing, fresh, twice] = [stream(), stream(), stream()];
    await store.appendToStream(existing, events(2), { expectedRevision: 'no_stream' });
    const results = await store.appendToStreams([
      { stream: fresh, events: events(3), expectedRevision: 'no_stream' },
      { stream: existing, events: events(2), expectedRevision: 1n },
      { stream: twice, events: events(1), expectedRevision: 'no_stream' },
      { stream: twice, events: events(2), expectedRevision: 0n },
      { stream: stream(), events: events(1) },
    ]);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([2n, 3n, 0n, 2n, 0n]);
    for (const [name, result] of [
      [fresh, results[0]],
      [existing, results[1]],
      [twice, results[3]],
    ] as const) {
      const read = await store.readStream(name);
      expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
      expect(verifyChain(read)).toBeUndefined();
      expect(read[read.length - 1].position).toEqual(result.position);
    }
    // One transaction: every position shares its transaction id, numbered in the batch's order.
    const positions = results.map((r) => r.position.commit);
    expect(new Set(positions.map((p) => p >> 20n)).size).toBe(1);
    expect(positions.map((p) => p & 0xfffffn)).toEqual([2n, 4n, 5n, 7n, 8n]);
  });

  it('continues with the store’s own appends as if the batch had been appended stream by stream', async () => {
    const name = stream();
    await store.appendToStreams([{ stream: name, events: events(2), expectedRevision: 'no_stream' }]);
    await store.appendToStream(name, events(1), { expectedRevision: 1n });
    await store.appendToStream(name, events(3), { expectedRevision: 2n });
    expect(verifyChain(await store.readStream(name))).toBeUndefined();
  });

  it('refuses the whole batch when one expected revision does not hold, naming that stream', async () => {
    const [taken, fresh] = [stream(), stream()];
    await store.appendToStream(taken, events(1));
    const before = await logLength();
    const refused = store.appendToStreams([
      { stream: fresh, events: events(2), expectedRevision: 'no_stream' },
      { stream: taken, events: events(1), expectedRevision: 'no_stream' },
    ]);
    await expect(refused).rejects.toThrow(WrongExpectedRevisionError);
    await expect(refused).rejects.toMatchObject({ stream: taken, actual: 0n });
    expect(await logLength()).toBe(before);
  });

  it('refuses the whole batch when an event id is already stored', async () => {
    const [event] = events(1);
    await store.appendToStream(stream(), [event]);
    const before = await logLength();
    await expect(
      store.appendToStreams([
        { stream: stream(), events: events(2) },
        { stream: stream(), events: [event] },
      ]),
    ).rejects.toThrow(DuplicateEventIdError);
    expect(await logLength()).toBe(before);
  });
});
