/**
 * The two shapes of the append statement (one event, many events) against each other: the same chain, the
 * same positions inside a caller's transaction, the same re-send and conflict answers.
 */
import { randomUUID } from 'node:crypto';
import { anEvent } from '../contract/event-store.contract';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { verifyChain } from '../hash-chain';
import { openTestStore } from '../../testing/store-database';
import { PostgresEventStore } from './postgres-event-store';

describe('the one-event and many-event append statements', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openTestStore()));
  afterAll(() => close());

  const stream = () => `household-${randomUUID()}`;
  const events = (count: number) => Array.from({ length: count }, () => anEvent());

  it('chains one stream through appends of one event and of a hundred', async () => {
    const name = stream();
    await store.appendToStream(name, events(1), { expectedRevision: 'no_stream' });
    await store.appendToStream(name, events(100), { expectedRevision: 0n });
    const last = await store.appendToStream(name, events(1), { expectedRevision: 100n });
    const read = await store.readStream(name);
    expect(last.nextExpectedRevision).toBe(101n);
    expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 102 }, (_, i) => BigInt(i)));
    expect(verifyChain(read)).toBeUndefined();
    expect(last.position).toEqual(read[101].position);
  });

  it('numbers the events of several appends in one transaction after each other, under one transaction id', async () => {
    const name = stream();
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendToStreamIn(client, name, events(1), { expectedRevision: 'no_stream' });
      await store.appendToStreamIn(client, name, events(3), { expectedRevision: 0n });
      await store.appendToStreamIn(client, stream(), events(1));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const positions = (await store.readStream(name)).map((e) => e.position.commit);
    const transaction = positions[0] >> 20n;
    expect(positions).toEqual([0n, 1n, 2n, 3n].map((index) => (transaction << 20n) + index));
  });

  it('answers a re-send of one event with the first result, and a stale revision with the actual one', async () => {
    const name = stream();
    const [event] = events(1);
    const first = await store.appendToStream(name, [event], { expectedRevision: 'no_stream' });
    expect(first.resent).toBe(false);
    expect(await store.appendToStream(name, [event], { expectedRevision: 'no_stream' })).toEqual({ ...first, resent: true });
    expect(await store.appendToStream(name, [event], { expectedRevision: 'any' })).toEqual({ ...first, resent: true });
    const stale = await store.appendToStream(name, events(1), { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
    expect((stale as WrongExpectedRevisionError).actual).toBe(0n);
    expect(await store.readStream(name)).toHaveLength(1);
  });

  it('refuses an event id used in another stream, through the pool and inside a transaction', async () => {
    const [event] = events(1);
    await store.appendToStream(stream(), [event]);
    for (const expectedRevision of ['any' as const, 'no_stream' as const]) {
      await expect(store.appendToStream(stream(), [event], { expectedRevision })).rejects.toBeInstanceOf(DuplicateEventIdError);
    }
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      await expect(store.appendToStreamIn(client, stream(), [event])).rejects.toBeInstanceOf(DuplicateEventIdError);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('answers a re-send inside a transaction without aborting it', async () => {
    const name = stream();
    const [event] = events(1);
    const first = await store.appendToStream(name, [event], { expectedRevision: 'no_stream' });
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await store.appendToStreamIn(client, name, [event], { expectedRevision: 'any' })).toEqual({ ...first, resent: true });
      const next = await store.appendToStreamIn(client, name, events(1), { expectedRevision: 0n });
      await client.query('COMMIT');
      expect(next.nextExpectedRevision).toBe(1n);
    } finally {
      client.release();
    }
  });
});
