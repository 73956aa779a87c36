/**
 * What the adapter asks of a gRPC client, so one adapter serves both @eventstore/db-client (esdb://) and
 * its successor @kurrent/kurrentdb-client (kurrentdb://). The two clients agree on event, position,
 * revision and filter shapes and on their constant values ('start', 'any', ...); they differ in how an
 * append names its expectation, whether a read of `$all` takes a filter, and in their error classes
 * (mapping.ts reads the errors' `type`, which both share). Types are spelled with db-client's.
 */
import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendExpectedRevision,
  AppendResult,
  Direction,
  EventData,
  EventStoreDBClient,
  Filter,
  jsonEvent,
  JSONType,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
} from '@eventstore/db-client';
import { readAllFiltered } from './filtered-read';

export interface StreamReadOptions {
  direction?: Direction;
  fromRevision?: ReadRevision;
  maxCount?: number;
}

export interface AllReadOptions {
  fromPosition: ReadPosition;
  direction: Direction;
  maxCount: number;
  filter: Filter;
}

/** A read the adapter drains; `cancel` (db-client's StreamingRead) stops the server sending the rest. */
export type ClientRead<E> = AsyncIterable<E> & { cancel?(): Promise<void> };

export interface StoreClient {
  /** The product name used in error messages. */
  readonly product: 'EventStoreDB' | 'KurrentDB';
  readStream(stream: string, options?: StreamReadOptions): ClientRead<ResolvedEvent>;
  /** A server-side filtered read of `$all`. */
  readAll(options: AllReadOptions): ClientRead<AllStreamResolvedEvent>;
  appendToStream(stream: string, events: EventData[], expected: AppendExpectedRevision): Promise<AppendResult>;
  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): AllStreamSubscription;
  dispose(): Promise<void>;
}

/** One stored JSON event as either client sends it: both build `{ id, contentType, type, data, metadata }`. */
export function toEventData(event: { id: string; type: string; data: unknown; metadata: unknown }): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata as JSONType });
}

/** @eventstore/db-client v6, whose `readAll` cannot filter: that read is built by hand (filtered-read.ts). */
export function eventStoreDbClient(client: EventStoreDBClient): StoreClient & { raw: EventStoreDBClient } {
  return {
    product: 'EventStoreDB',
    raw: client,
    readStream: (stream, options) => client.readStream(stream, options),
    readAll: (options) => readAllFiltered(client, options),
    appendToStream: (stream, events, expectedRevision) => client.appendToStream(stream, events, { expectedRevision }),
    subscribeToAll: (options) => client.subscribeToAll({ ...options, resolveLinkTos: false }),
    dispose: () => client.dispose(),
  };
}
