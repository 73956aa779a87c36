/**
 * The EventStore port on EventStoreDB, through @eventstore/db-client, or on KurrentDB through
 * @kurrent/kurrentdb-client (a StoreClient, see store-client.ts and kurrentdb/). Same semantics as the
 * PostgreSQL adapter; see docs/eventstoredb.md for the differences that remain and why.
 *
 * The hash chain is finished here, in Node: the adapter reads the stream's last event, chains from its
 * hash and appends with that exact revision, so a concurrent writer makes the append fail rather than
 * fork the chain. An append with expected `any` (or `stream_exists`) then simply tries again.
 */
import { BACKWARDS, END, EventStoreDBClient, FORWARDS, ResolvedEvent, START as ESDB_START } from '@eventstore/db-client';
import { Clock, systemClock } from '../../clock';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { chainHashV2, contentHash, GENESIS_HASH, HASH_VERSION } from '../hash-chain';
import { Position } from '../position';
import { readAllPages } from './esdb-read-all';
import { drain, readNewest, readRange, StreamTail, tailOf } from './esdb-reads';
import { EsdbSubscription } from './esdb-subscription';
import { validateEsdbAppend } from './esdb-validation';
import { eventStoreDbClient, StoreClient, toEventData } from './store-client';
import {
  exactRevision,
  fromEsdbEvent,
  fromEsdbPosition,
  knownPosition,
  PositionUnknownError,
  toEsdbMetadata,
  translateEsdbError,
} from './mapping';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`; ignored when `client` is given. */
  connectionString?: string;
  /** A db-client, or either client already behind the StoreClient seam (KurrentDbEventStore passes one). */
  client?: EventStoreDBClient | StoreClient;
  clock?: Clock;
  /** How many of a stream's newest events an `any` append searches for its own ids (a re-send). */
  resendWindow?: number;
  /** Attempts of an `any` append that keeps losing the race for the stream's next revision. */
  maxAttempts?: number;
  /** Events per server read when paging `$all`. */
  pageSize?: number;
}

export class EventStoreDbEventStore implements EventStore {
  readonly client: StoreClient;
  private readonly clock: Clock;
  /** Closed before the client is disposed, or they would resubscribe through it. */
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    if (!options.client && !options.connectionString) throw new Error('EventStoreDbEventStore needs a connectionString or a client');
    const client = options.client ?? EventStoreDBClient.connectionString(options.connectionString!);
    this.client = client instanceof EventStoreDBClient ? eventStoreDbClient(client) : client;
    this.clock = options.clock ?? systemClock;
  }

  async appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    validateEsdbAppend(stream, events);
    const expected = options.expectedRevision ?? 'any';
    if (expected === 'any' || expected === 'stream_exists') return this.appendAtEnd(stream, events, expected);
    return this.appendAt(stream, events, expected === 'no_stream' ? -1n : expected, expected);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    if (options.maxCount === 0 || (backwards && from !== undefined && from < 0n)) {
      await drain(this.client.readStream(stream, { maxCount: 1 }), stream);
      return [];
    }
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from === undefined ? (backwards ? END : ESDB_START) : from < 0n ? ESDB_START : from,
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    return mapEvents(await drain(read, stream));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllPages(this.client, options, this.options.pageSize ?? 500);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription: EsdbSubscription = new EsdbSubscription(this.client, {
      ...options,
      headPosition: () => this.headPosition(),
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    const [last] = await this.readAll({ direction: 'backwards', maxCount: 1 });
    return last?.position;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** no_stream or an exact revision: write when the stream is there, else recognise a re-send or refuse. */
  private async appendAt(
    stream: string,
    events: readonly EventToAppend[],
    revision: bigint,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const tail = tailOf((await readNewest(this.client, stream, 1))[0]);
    let refusal = new WrongExpectedRevisionError(stream, expected, tail?.revision ?? -1n);
    if (refusal.actual < revision) throw refusal;
    if (refusal.actual === revision) {
      try {
        return await this.write(stream, events, tail, expected);
      } catch (error) {
        // Lost a race: perhaps to a concurrent re-send of this very append, checked below.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        refusal = error;
      }
    }
    const stored = await readRange(this.client, stream, revision + 1n, events.length);
    if (isSameBatch(stored, events)) return resultOf(stored);
    throw refusal;
  }

  /** any / stream_exists: chain onto whatever is last, retrying when another writer got there first. */
  private async appendAtEnd(stream: string, events: readonly EventToAppend[], expected: 'any' | 'stream_exists'): Promise<AppendResult> {
    const ids = new Set(events.map((event) => event.id));
    const maxAttempts = this.options.maxAttempts ?? 100;
    for (let attempt = 1; ; attempt++) {
      const newest = await readNewest(this.client, stream, this.options.resendWindow ?? 1_000);
      const found = newest.filter((resolved) => resolved.event && ids.has(resolved.event.id)).reverse();
      if (found.length > 0) {
        if (isSameBatch(found, events)) return resultOf(found);
        throw new DuplicateEventIdError(stream);
      }
      const tail = tailOf(newest[0]);
      if (!tail && expected === 'stream_exists') throw new WrongExpectedRevisionError(stream, expected, -1n);
      try {
        return await this.write(stream, events, tail, expected);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));
      }
    }
  }

  private async write(
    stream: string,
    events: readonly EventToAppend[],
    tail: StreamTail | undefined,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const recordedAt = this.clock.now().toISOString();
    let previousHash = tail?.hash ?? GENESIS_HASH;
    const chained = events.map((event, i) => {
      const metadata = { ...event.metadata, recordedAt, hashVersion: HASH_VERSION };
      const revision = (tail?.revision ?? -1n) + 1n + BigInt(i);
      const hash = chainHashV2(previousHash, revision, contentHash({ type: event.type, data: event.data, metadata, stream, id: event.id }));
      const stored = toEventData({ ...event, metadata: toEsdbMetadata(metadata, previousHash, hash) });
      previousHash = hash;
      return stored;
    });
    try {
      const result = await this.client.appendToStream(stream, chained, exactRevision(tail?.revision ?? -1n));
      // A single event's append position is its own; for a batch, read the last event's to be sure.
      if (result.position && events.length === 1)
        return { nextExpectedRevision: result.nextExpectedRevision, position: fromEsdbPosition(result.position) };
      return resultOf(await readRange(this.client, stream, result.nextExpectedRevision, 1));
    } catch (error) {
      throw translateEsdbError(error, stream, expected);
    }
  }
}

function mapEvents(resolved: readonly ResolvedEvent[]): RecordedEvent[] {
  return resolved.flatMap((r) => {
    const event = r.event && fromEsdbEvent(r.event);
    return event ? [event] : [];
  });
}

/** True when the stored events are exactly this batch, in order and consecutive, i.e. a re-send. */
function isSameBatch(stored: readonly ResolvedEvent[], events: readonly EventToAppend[]): boolean {
  if (stored.length !== events.length) return false;
  const first = stored[0].event?.revision ?? -1n;
  return stored.every((r, i) => r.event?.id === events[i].id && r.event.revision === first + BigInt(i));
}

function resultOf(stored: readonly ResolvedEvent[]): AppendResult {
  const last = stored[stored.length - 1]?.event;
  const position = knownPosition(last?.position);
  if (!last || !position) throw new PositionUnknownError();
  return { nextExpectedRevision: last.revision, position };
}
