/**
 * One contract, every backend: a backend's int spec calls `describeEventStoreContract` with a factory that
 * opens a store on an empty log. The PostgreSQL suite always runs; EventStoreDB's when EVENTSTORE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, RecordedEvent } from '../event-store.port';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { verifyChain } from '../hash-chain';
import { comparePositions } from '../position';

export interface ContractBackend {
  /** Opens a store on a log that no other test writes to. */
  open(): Promise<EventStore>;
  /** Prefix that keeps stream names apart when the backend's log is shared with other runs. */
  streamPrefix?: string;
}

export function anEvent(type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'tester', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T08:00:00.000Z' },
  };
}

export async function take(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  if (count === 0) return seen;
  for await (const event of iterable) {
    seen.push(event);
    if (seen.length >= count) break;
  }
  return seen;
}

export function describeEventStoreContract(backendName: string, backend: ContractBackend): void {
  describe(`EventStore contract: ${backendName}`, () => {
    let store: EventStore;
    const stream = (name: string) => `${backend.streamPrefix ?? ''}${name}-${randomUUID()}`;

    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store.close();
    });

    describe('appends', () => {
      it('appends to a new stream and reads back every field, with the recorded time added', async () => {
        const name = stream('household');
        const event = anEvent('HouseholdEnrolled', { villageCode: '640104001001', members: 3 });
        const result = await store.appendToStream(name, [event], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(0n);
        const [read] = await store.readStream(name);
        expect(read).toMatchObject({ id: event.id, stream: name, revision: 0n, type: event.type, data: event.data });
        expect(read.position).toEqual(result.position);
        expect(read.metadata).toEqual({ ...event.metadata, recordedAt: read.recordedAt, hashVersion: 2 });
        expect(new Date(read.recordedAt).toISOString()).toBe(read.recordedAt);
      });

      it('returns the revision of the last event and chains each event to its predecessor', async () => {
        const name = stream('chain');
        await store.appendToStream(name, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(name, [anEvent()], { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(2n);
        const events = await store.readStream(name);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(verifyChain(events)).toBeUndefined();
        expect(events[1].previousHash).toBe(events[0].hash);
      });

      it.each([
        ['no_stream on an existing stream', 'no_stream' as const, 0n],
        ['an exact revision that is stale', 5n, 0n],
      ])('refuses %s with the actual revision', async (_label, expectedRevision, actual) => {
        const name = stream('conflict');
        await store.appendToStream(name, [anEvent()]);
        const error = await store.appendToStream(name, [anEvent()], { expectedRevision }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe(actual);
        expect(await store.readStream(name)).toHaveLength(1);
      });

      it('refuses stream_exists and exact revisions on a stream that does not exist', async () => {
        const name = stream('missing');
        for (const expectedRevision of ['stream_exists' as const, 0n]) {
          const error = await store.appendToStream(name, [anEvent()], { expectedRevision }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect((error as WrongExpectedRevisionError).actual).toBe(-1n);
        }
        await expect(store.readStream(name)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('lets exactly one of many concurrent appends with the same expected revision succeed', async () => {
        const name = stream('race');
        await store.appendToStream(name, [anEvent()]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 12 }, () => store.appendToStream(name, [anEvent()], { expectedRevision: 0n })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(name)).toHaveLength(2);
      });

      it('loses no write when many appends with expected revision any race on one stream', async () => {
        const name = stream('any');
        await Promise.all(Array.from({ length: 20 }, () => store.appendToStream(name, [anEvent()], { expectedRevision: 'any' })));
        const events = await store.readStream(name);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
        expect(verifyChain(events)).toBeUndefined();
      });

      it('treats a re-send of the same event ids as the first append and writes nothing', async () => {
        const name = stream('idempotent');
        const events = [anEvent(), anEvent()];
        const first = await store.appendToStream(name, events, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(name, events, { expectedRevision: 'no_stream' });
        const anyAgain = await store.appendToStream(name, events, { expectedRevision: 'any' });
        // The first append's result again, marked as a re-send where the adapter can tell.
        const { nextExpectedRevision, position } = first;
        expect(again).toMatchObject({ nextExpectedRevision, position });
        expect(anyAgain).toMatchObject({ nextExpectedRevision, position });
        expect(again.resent).not.toBe(false);
        expect(await store.readStream(name)).toHaveLength(2);
      });

      it('refuses event ids already used by a different append', async () => {
        const name = stream('reuse');
        const event = anEvent();
        await store.appendToStream(name, [event]);
        const error = await store.appendToStream(name, [anEvent(), event]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect([DuplicateEventIdError, WrongExpectedRevisionError].some((type) => error instanceof type)).toBe(true);
        expect(await store.readStream(name)).toHaveLength(1);
      });
    });

    describe('reads', () => {
      it('reads a stream forwards from a revision, backwards, and with a maximum count', async () => {
        const name = stream('paged');
        await store.appendToStream(
          name,
          Array.from({ length: 5 }, (_, n) => anEvent('Counted', { n })),
        );
        const revisions = (events: RecordedEvent[]) => events.map((e) => Number(e.revision));
        expect(revisions(await store.readStream(name, { fromRevision: 2n }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(name, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(name, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }))).toEqual([3, 2]);
        expect(revisions(await store.readStream(name, { maxCount: 2 }))).toEqual([0, 1]);
      });

      it('reads the global log in order, strictly after a position, in both directions', async () => {
        const a = stream('all-a');
        const b = stream('all-b');
        // Read from the head as it was before: a shared EventStoreDB log may be long.
        const start = (await store.headPosition()) ?? 'start';
        await store.appendToStream(a, [anEvent('A1')]);
        const middle = await store.appendToStream(b, [anEvent('B1')]);
        await store.appendToStream(a, [anEvent('A2')]);
        const mine = (events: RecordedEvent[]) => events.filter((e) => e.stream === a || e.stream === b).map((e) => e.type);
        expect(mine(await store.readAll({ fromPosition: start }))).toEqual(['A1', 'B1', 'A2']);
        expect(mine(await store.readAll({ fromPosition: middle.position }))).toEqual(['A2']);
        expect(mine(await store.readAll({ fromPosition: middle.position, direction: 'backwards' }))).toEqual(['A1']);
        const all = await store.readAll({ fromPosition: start });
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1].position, all[i].position)).toBe(-1);
      });

      it('filters the global log by stream-name prefix and by event type', async () => {
        const tag = randomUUID().slice(0, 8);
        const start = (await store.headPosition()) ?? 'start';
        await store.appendToStream(`${backend.streamPrefix ?? ''}household${tag}-1`, [anEvent('HouseholdEnrolled')]);
        await store.appendToStream(`${backend.streamPrefix ?? ''}loan${tag}-1`, [anEvent('LoanGranted')]);
        await store.appendToStream(`${backend.streamPrefix ?? ''}case${tag}-1`, [anEvent('CaseOpened')]);
        const byPrefix = await store.readAll({
          fromPosition: start,
          filter: { streamPrefixes: [`${backend.streamPrefix ?? ''}household${tag}-`, `${backend.streamPrefix ?? ''}loan${tag}-`] },
        });
        expect(byPrefix.map((e) => e.type)).toEqual(['HouseholdEnrolled', 'LoanGranted']);
        const byType = await store.readAll({ fromPosition: start, filter: { eventTypes: ['CaseOpened'] } });
        expect(byType.some((e) => e.stream.startsWith(`${backend.streamPrefix ?? ''}case${tag}-`))).toBe(true);
        expect(byType.every((e) => e.type === 'CaseOpened')).toBe(true);
      });

      it('reports the head of the global log', async () => {
        const result = await store.appendToStream(stream('head'), [anEvent()]);
        const head = await store.headPosition();
        expect(head && comparePositions(head, result.position)).toBeGreaterThanOrEqual(0);
      });
    });

    describe('subscriptions', () => {
      it('delivers the history, then live events as they commit, and stops when closed', async () => {
        const name = stream('live');
        const start = (await store.headPosition()) ?? 'start';
        const before = await store.appendToStream(name, [anEvent('Before')]);
        const subscription = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [name] } });
        const received = take(subscription, 3);
        await store.appendToStream(name, [anEvent('Live1')]);
        await store.appendToStream(name, [anEvent('Live2')]);
        const events = await received;
        expect(events.map((e) => e.type)).toEqual(['Before', 'Live1', 'Live2']);
        expect(events[0].position).toEqual(before.position);
        await subscription.close();
        const after: RecordedEvent[] = [];
        for await (const event of subscription) after.push(event);
        expect(after).toEqual([]);
      });

      it('starts strictly after the position given, or at the end', async () => {
        const name = stream('from');
        const first = await store.appendToStream(name, [anEvent('One')]);
        await store.appendToStream(name, [anEvent('Two')]);
        const fromFirst = store.subscribeToAll({ fromPosition: first.position, filter: { streamPrefixes: [name] } });
        expect((await take(fromFirst, 1)).map((e) => e.type)).toEqual(['Two']);
        await fromFirst.close();

        const fromEnd = store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [name] } });
        const next = take(fromEnd, 1);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.appendToStream(name, [anEvent('Three')]);
        expect((await next).map((e) => e.type)).toEqual(['Three']);
        await fromEnd.close();
      });
    });
  });
}
