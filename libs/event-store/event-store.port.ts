/**
 * The EventStore port. Its semantics follow EventStoreDB's (expected revisions, idempotent re-sends by
 * event id, a global `$all` order addressed by commit/prepare positions) so that the PostgreSQL adapter
 * and the EventStoreDB adapter are interchangeable behind it.
 */
import { Position } from './position';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** What the caller expects of the stream before the append. A bigint is the revision of its last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Metadata every event carries. The store adds `recordedAt` when it accepts the event. */
export interface EventMetadata {
  actor: string;
  correlationId: string;
  causationId: string;
  /** ISO-8601 UTC: when it happened in the field. */
  occurredAt: string;
  [key: string]: unknown;
}

export type JsonObject = { [key: string]: unknown };

/** An event as handed to `appendToStream`. */
export interface EventToAppend<Type extends string = string, Data extends JsonObject = JsonObject> {
  /** uuid; re-sending the same id with the same expected revision is a no-op that returns the first result. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as read back from the store. */
export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  id: string;
  stream: string;
  /** 0-based position of the event inside its stream. */
  revision: bigint;
  /** Position in the global log (`$all`). */
  position: Position;
  type: Type;
  data: Data;
  metadata: EventMetadata & { recordedAt: string };
  /** ISO-8601 UTC: when the log accepted it (same value as `metadata.recordedAt`). */
  recordedAt: string;
  /** Hex SHA-256 of the predecessor in the stream (64 zeros for the first event). */
  previousHash: string;
  /** Hex SHA-256 chaining this event to its predecessor; see hash-chain.ts. */
  hash: string;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: Position;
  /**
   * True when nothing was written because these events (same ids, same place) were appended before, and
   * this is that first append's result; false when they were written now. Absent when the adapter cannot tell.
   */
  resent?: boolean;
}

/** One stream's part of a multi-stream append (`appendToStreams`). */
export interface StreamAppend {
  stream: string;
  events: readonly EventToAppend[];
  expectedRevision?: ExpectedRevision;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

/** Server-side filter for the global log: an event passes when it matches every field given. */
export interface EventFilter {
  /** Stream-name prefixes, e.g. `['household-', 'loan-']`. */
  streamPrefixes?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: reading forwards starts strictly after it, backwards strictly before it. */
  fromPosition?: Position | 'start' | 'end';
  direction?: Direction;
  maxCount?: number;
  filter?: EventFilter;
  /**
   * Also read events already committed that a gap-safe reader may not see yet, because an older transaction
   * of the store's database is still open (PostgreSQL only; other stores have no such limit). For counting what
   * is behind (projection lag); a reader that checkpoints on such a page could skip the held-back events.
   */
  includeHeldBack?: boolean;
  /**
   * Keep the JSON text each event's data and metadata were parsed from (./json-text.ts), for a reader that
   * only serialises them again (the SSE feed). A hint: a store that does not keep it serialises as before.
   */
  keepJsonText?: boolean;
  /**
   * Leave the hash chain's columns unread: `previousHash` and `hash` come back empty. For a reader that never
   * passes them on (the SSE feed: the chain covers unredacted content, so it stays inside the service); they
   * were a fifth of each row's bytes. A hint: a store that has them at no cost may fill them in.
   */
  omitHashes?: boolean;
}

export interface SubscribeToAllOptions {
  /** Exclusive. Defaults to the start of the log. */
  fromPosition?: Position | 'start' | 'end';
  filter?: EventFilter;
  /**
   * Called when the subscription has delivered every matching event up to `reached.position` (at least
   * each time it reaches the head), so a reader can checkpoint past the events its filter skips, as
   * EventStoreDB's filtered subscriptions report "checkpoint reached". Positions only move forward. An
   * adapter that cannot tell may never call it (the EventStoreDB adapter does not yet).
   */
  onCheckpoint?: (reached: CheckpointReached) => void;
}

/** The log was read up to `position` (the last event there, recorded at `recordedAt`). */
export interface CheckpointReached {
  position: Position;
  recordedAt: string;
}

/** Catch-up then live; iterate with `for await`, stop with `close()` (or by breaking out of the loop). */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Bulk loads (the generator, imports): many streams' appends, each checked against its expected revision
   * as `appendToStream` checks it, written together or not at all, with one result per append in order. A
   * re-send is not recognised here: any event id already stored refuses the whole batch. A store that
   * cannot (EventStoreDB) leaves it out; `appendToStreams` in append-many.ts then appends one by one.
   */
  appendToStreams?(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Position of the last event in the global log, or undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}
