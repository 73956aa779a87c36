/**
 * Appends coalesced into one transaction: each still checked against its own expected revision and answered
 * as it would be alone, whatever the others in its batch do.
 */
import { randomUUID } from 'node:crypto';
import { anEvent } from './contract/event-store.contract';
import { WrongExpectedRevisionError } from './errors';
import { CoalescingEventStore } from './coalescing-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { openTestStore } from '../testing/store-database';

describe('CoalescingEventStore on PostgreSQL', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openTestStore()));
  afterAll(() => close());

  const stream = () => `household-${randomUUID()}`;
  const transactionOf = (result: { position: { commit: bigint } }) => result.position.commit >> 20n;

  it('writes the appends asked for together in one transaction, each at its own revision, none a re-send', async () => {
    const coalescing = new CoalescingEventStore(store);
    const [a, b, c] = [stream(), stream(), stream()];
    await store.appendToStream(b, [anEvent()], { expectedRevision: 'no_stream' });
    const results = await Promise.all([
      coalescing.appendToStream(a, [anEvent()], { expectedRevision: 'no_stream' }),
      coalescing.appendToStream(b, [anEvent(), anEvent()], { expectedRevision: 0n }),
      coalescing.appendToStream(c, [anEvent()]),
    ]);
    expect(results.map((r) => [r.nextExpectedRevision, r.resent])).toEqual([
      [0n, false],
      [2n, false],
      [0n, false],
    ]);
    expect(new Set(results.map(transactionOf)).size).toBe(1);
    expect((await store.readStream(b)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('refuses only the append whose expected revision does not hold; the others in its batch are written', async () => {
    const coalescing = new CoalescingEventStore(store);
    const [moved, fine] = [stream(), stream()];
    await store.appendToStream(moved, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
    const [refused, written] = await Promise.allSettled([
      coalescing.appendToStream(moved, [anEvent()], { expectedRevision: 0n }),
      coalescing.appendToStream(fine, [anEvent()], { expectedRevision: 'no_stream' }),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect(written).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n, resent: false } });
    expect(await store.readStream(moved)).toHaveLength(2);
  });

  it('answers a re-sent append with the first append’s result, and writes the rest of its batch', async () => {
    const coalescing = new CoalescingEventStore(store);
    const [again, other] = [stream(), stream()];
    const events = [anEvent()];
    const first = await store.appendToStream(again, events, { expectedRevision: 'no_stream' });
    const [resent, written] = await Promise.all([
      coalescing.appendToStream(again, events, { expectedRevision: 'no_stream' }),
      coalescing.appendToStream(other, [anEvent()], { expectedRevision: 'no_stream' }),
    ]);
    expect(resent).toEqual({ ...first, resent: true });
    expect(written).toMatchObject({ nextExpectedRevision: 0n, resent: false });
    expect(await store.readStream(again)).toHaveLength(1);
  });
});
