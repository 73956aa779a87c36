/**
 * The contract suite and the adapter's own tests against a real EventStoreDB/KurrentDB server, run once per
 * client (esdb-event-store.int.spec.ts with EVENTSTORE_URL, kurrentdb-event-store.int.spec.ts with
 * KURRENTDB_URL). There is no fake: without a URL the suite says so loudly and skips. The log is shared by
 * every run, so each run writes under a stream prefix of its own. The unreachable-server tests run always.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, InvalidAppendError } from '../errors';
import { RecordedEvent } from '../event-store.port';
import { verifyChain } from '../hash-chain';
import { EventStoreDbEventStore } from '../esdb/esdb-event-store';
import { drain } from '../esdb/esdb-reads';
import { EsdbSubscription } from '../esdb/esdb-subscription';
import { HASH_KEY, PREVIOUS_HASH_KEY } from '../esdb/mapping';
import { anEvent, describeEventStoreContract } from './event-store.contract';

export interface GrpcClientUnderTest {
  /** 'EventStoreDB client' or 'KurrentDB client', used in test names. */
  name: string;
  /** The environment variable naming the server, e.g. EVENTSTORE_URL. */
  setting: string;
  /** A URL of this client's scheme where nothing listens. */
  unreachableUrl: string;
  open(url: string): EventStoreDbEventStore;
}

export function describeGrpcAdapter(client: GrpcClientUnderTest): void {
  describeUnreachable(client);
  const url = process.env[client.setting]?.trim();
  if (!url) {
    console.warn(`${client.name} contract suite NOT RUN: ${client.setting} is not set`);
    describe.skip(`EventStore contract: ${client.name} (NOT RUN: ${client.setting} is not set)`, () => {
      it(`runs the whole contract against the server named by ${client.setting}`, () => undefined);
    });
    return;
  }
  const prefix = `fl-test-${randomUUID().slice(0, 8)}-`;
  describeEventStoreContract(client.name, { open: async () => client.open(url), streamPrefix: prefix });
  describeAgainstServer(client, url, prefix);
}

// The real client against a port where nothing listens (not a fake server).
function describeUnreachable(client: GrpcClientUnderTest): void {
  describe(`${client.name} adapter when the server cannot be reached`, () => {
    const store = client.open(client.unreachableUrl);
    afterAll(() => store.close());

    it.each([
      ['append', () => store.appendToStream(`unreachable-${randomUUID()}`, [anEvent()], { expectedRevision: 'no_stream' })],
      ['read a stream', () => store.readStream(`unreachable-${randomUUID()}`)],
      ['read the global log with a filter', () => store.readAll({ filter: { streamPrefixes: ['household-'] }, maxCount: 5 })],
      ['report the head', () => store.headPosition()],
    ])('reports EventStoreUnavailableError when asked to %s', async (_label, operation) => {
      const error = await operation().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
    });

    it('keeps a subscription retrying while the server is away, and ends it when closed', async () => {
      const subscription = store.subscribeToAll();
      const delivered: RecordedEvent[] = [];
      const iterating = (async () => {
        for await (const event of subscription) delivered.push(event);
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await subscription.close();
      await iterating;
      expect(delivered).toEqual([]);
    });

    it('ends open subscriptions when the store is closed, instead of resubscribing through a disposed client', async () => {
      const own = client.open(client.unreachableUrl);
      const subscription = own.subscribeToAll({ fromPosition: 'start' });
      const iterating = (async () => {
        for await (const _event of subscription) break;
      })();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await own.close();
      await expect(iterating).resolves.toBeUndefined();
    }, 10_000);
  });
}

function describeAgainstServer(client: GrpcClientUnderTest, url: string, prefix: string): void {
  describe(`${client.name} adapter`, () => {
    let store: EventStoreDbEventStore;
    const stream = (name: string) => `${prefix}${name}-${randomUUID()}`;

    beforeAll(() => {
      store = client.open(url);
    });
    afterAll(async () => {
      await store.close();
    });

    it('keeps the hash chain in the stored metadata and hands readers the metadata alone', async () => {
      const name = stream('chain');
      const event = anEvent('HouseholdEnrolled');
      await store.appendToStream(name, [event], { expectedRevision: 'no_stream' });
      const [raw] = await drain(store.client.readStream(name), name);
      const [read] = await store.readStream(name);
      expect(raw.event?.metadata).toMatchObject({ [PREVIOUS_HASH_KEY]: read.previousHash, [HASH_KEY]: read.hash });
      expect(read.metadata).toEqual({ ...event.metadata, recordedAt: read.recordedAt });
      expect(verifyChain([read])).toBeUndefined();
    });

    it('applies a stream prefix and event types together', async () => {
      const name = stream('both');
      await store.appendToStream(name, [anEvent('LoanGranted'), anEvent('LoanRepaid'), anEvent('LoanGranted')]);
      const read = await store.readAll({ filter: { streamPrefixes: [name], eventTypes: ['LoanGranted'] } });
      expect(read.map((e) => [e.stream, e.type, e.revision])).toEqual([
        [name, 'LoanGranted', 0n],
        [name, 'LoanGranted', 2n],
      ]);
    });

    it('recognises a re-send with expected any after other events were appended to the stream', async () => {
      const name = stream('late-resend');
      const batch = [anEvent(), anEvent()];
      const first = await store.appendToStream(name, batch);
      await store.appendToStream(name, [anEvent()]);
      expect(await store.appendToStream(name, batch)).toEqual(first);
      expect(await store.readStream(name)).toHaveLength(3);
    });

    it('refuses streams and event types that the server reserves', async () => {
      await expect(store.appendToStream('$reserved', [anEvent()])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.appendToStream(stream('x'), [anEvent('$metadata')])).rejects.toBeInstanceOf(InvalidAppendError);
    });

    it('resubscribes after the connection drops and resumes after the last event seen', async () => {
      const name = stream('drop');
      await store.appendToStream(name, [anEvent('One')]);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [name] } }) as EsdbSubscription;
      const iterator = subscription[Symbol.asyncIterator]();
      const received: RecordedEvent[] = [(await iterator.next()).value as RecordedEvent];
      // Break the live gRPC stream the way a lost connection does (both clients' errors carry this type).
      (subscription as unknown as { current: NodeJS.ReadableStream & { destroy(e: Error): void } }).current.destroy(
        Object.assign(new Error('connection lost'), { type: 'unavailable' }),
      );
      await store.appendToStream(name, [anEvent('Two')]);
      await store.appendToStream(name, [anEvent('Three')]);
      received.push((await iterator.next()).value as RecordedEvent, (await iterator.next()).value as RecordedEvent);
      await subscription.close();
      expect(received.map((e) => e.type)).toEqual(['One', 'Two', 'Three']);
    });
  });
}
