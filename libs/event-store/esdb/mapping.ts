/**
 * Translations between the EventStore port and the clients (@eventstore/db-client v6 and
 * @kurrent/kurrentdb-client 1.x share these shapes): positions, revisions, errors,
 * metadata and filters. Pure functions, unit-tested with the client's own types and error classes.
 */
import {
  AllStreamRecordedEvent,
  AppendExpectedRevision,
  CurrentRevision,
  END,
  eventTypeFilter,
  excludeSystemEvents,
  Filter,
  ANY,
  NO_STREAM,
  ReadPosition,
  RecordedEvent as EsdbRecordedEvent,
  START as ESDB_START,
  STREAM_EXISTS,
  streamNameFilter,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, InvalidAppendError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { EventFilter, ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';
import { Position } from '../position';

// ---- positions ---------------------------------------------------------------------------------

/** Port START (-1/-1) and any negative position mean "before the first event", which is ESDB's START. */
export function toEsdbReadPosition(from: Position | 'start' | 'end'): ReadPosition {
  if (from === 'start') return ESDB_START;
  if (from === 'end') return END;
  if (from.commit < 0n || from.prepare < 0n) return ESDB_START;
  return { commit: from.commit, prepare: from.prepare };
}

/** What servers before 22.6 put in stream reads instead of a position (uint64 max). */
export const NO_POSITION = 2n ** 64n - 1n;

/** The position of a stored event, or undefined when the server did not report one. */
export function knownPosition(position: { commit: bigint; prepare: bigint } | undefined): Position | undefined {
  if (!position || position.commit === NO_POSITION || position.prepare === NO_POSITION) return undefined;
  return fromEsdbPosition(position);
}

/** ESDB positions already have the port's shape; copying keeps callers from sharing the client's objects. */
export function fromEsdbPosition(position: { commit: bigint; prepare: bigint }): Position {
  return { commit: position.commit, prepare: position.prepare };
}

// ---- revisions ---------------------------------------------------------------------------------

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected < 0n ? NO_STREAM : expected;
  }
}

/** The revision of the stream's last event as the port counts it: -1n when there is no stream. */
export function fromEsdbCurrentRevision(current: CurrentRevision): bigint {
  return current === NO_STREAM ? -1n : current;
}

/** The exact expectation to send when the adapter knows the stream's current revision. */
export function exactRevision(current: bigint): AppendExpectedRevision {
  return current < 0n ? NO_STREAM : current;
}

// ---- errors ------------------------------------------------------------------------------------

/** The `type` both clients put on their errors (their classes differ, so `instanceof` would miss one). */
function errorType(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

const TRANSIENT_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'cancelled', 'not-leader']);

/** Failures after which the same request may succeed: the node is down, unreachable, slow or not leader. */
export function isTransientEsdbError(error: unknown): boolean {
  if (TRANSIENT_TYPES.has(errorType(error) ?? '')) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ENOTFOUND') return true;
  // kurrentdb-client 1.3 lets some gRPC failures through unconverted: status 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED.
  if ((code === 14 || code === 4) && typeof (error as { details?: unknown }).details === 'string') return true;
  // Cluster discovery gives up with a plain Error (client v6: "Failed to discover after N attempts.").
  return error instanceof Error && /failed to discover/i.test(error.message);
}

/** What a wrong-expected-version error of either client says (db-client: *Version, kurrentdb-client: *State). */
interface WrongExpected {
  streamName: string;
  expectedVersion?: AppendExpectedRevision;
  actualVersion?: CurrentRevision;
  expectedState?: AppendExpectedRevision;
  actualState?: CurrentRevision;
}

/** Maps what either client throws to the port's typed errors; anything unrecognised is passed through. */
export function translateEsdbError(error: unknown, stream?: string, expected?: ExpectedRevision): unknown {
  const named = (error as { streamName?: string }).streamName;
  switch (errorType(error)) {
    case 'wrong-expected-version': {
      const wrong = error as WrongExpected;
      return new WrongExpectedRevisionError(
        stream ?? wrong.streamName,
        expected ?? fromEsdbExpected(wrong.expectedVersion ?? wrong.expectedState ?? ANY),
        fromEsdbCurrentRevision(wrong.actualVersion ?? wrong.actualState ?? NO_STREAM),
      );
    }
    case 'stream-not-found':
      return new StreamNotFoundError(stream ?? named ?? '');
    case 'stream-deleted':
    case 'stream-tombstoned':
      return stream === undefined || expected === undefined
        ? new StreamNotFoundError(stream ?? named ?? '')
        : new InvalidAppendError(`stream ${stream} was deleted in the event store`);
    case 'maximum-append-size-exceeded':
    case 'append-record-size-exceeded':
      return new InvalidAppendError(`stream ${stream ?? ''}: append exceeds the event store's maximum append size`);
    case 'invalid-argument':
      return new InvalidAppendError(`stream ${stream ?? ''}: refused by the event store as invalid`);
    case 'access-denied':
      return new EventStoreUnavailableError('the event store refused the credentials in EVENTSTORE_URL', error);
  }
  if (isTransientEsdbError(error)) return new EventStoreUnavailableError('EventStoreDB/KurrentDB event store unavailable', error);
  return error;
}

function fromEsdbExpected(expected: AppendExpectedRevision): ExpectedRevision {
  return typeof expected === 'bigint' ? (expected < 0n ? 'no_stream' : expected) : expected;
}

// ---- metadata ----------------------------------------------------------------------------------

/** Where the hash chain lives inside ESDB event metadata; stripped again on read. */
export const PREVIOUS_HASH_KEY = '$previousHash';
export const HASH_KEY = '$hash';

export function isReservedMetadataKey(key: string): boolean {
  return key === PREVIOUS_HASH_KEY || key === HASH_KEY;
}

export function toEsdbMetadata(metadata: RecordedEvent['metadata'], previousHash: string, hash: string): JsonObject {
  return { ...metadata, [PREVIOUS_HASH_KEY]: previousHash, [HASH_KEY]: hash };
}

/** System events ($-prefixed types or streams: metadata, links, statistics, projections) are not ours. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/**
 * The port's view of a stored ESDB event, or undefined for events this service never writes (system or
 * binary events). JSON events written by another writer keep what they have and get empty hashes, so
 * verifyChain reports them instead of this mapping hiding them.
 */
export function fromEsdbEvent(event: EsdbRecordedEvent | AllStreamRecordedEvent): RecordedEvent | undefined {
  if (isSystemEvent(event) || !event.isJson) return undefined;
  const position = knownPosition(event.position);
  if (!position) throw new PositionUnknownError();
  const { [PREVIOUS_HASH_KEY]: previousHash, [HASH_KEY]: hash, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  const recordedAt = typeof metadata.recordedAt === 'string' ? metadata.recordedAt : event.created.toISOString();
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data as JsonObject,
    metadata: { ...metadata, recordedAt } as RecordedEvent['metadata'],
    recordedAt,
    previousHash: typeof previousHash === 'string' ? previousHash : '',
    hash: typeof hash === 'string' ? hash : '',
  };
}

/** Stream reads carry positions from EventStoreDB 22.6 on; the port needs them on every event. */
export class PositionUnknownError extends Error {
  constructor() {
    super('EventStoreDB did not report event positions in stream reads: version 22.6 or later is required');
    this.name = 'PositionUnknownError';
  }
}

// ---- filters -----------------------------------------------------------------------------------

export interface FilterPlan {
  /** What the server evaluates. ESDB filters on one field only, so the other is finished client-side. */
  server: Filter;
  /** The client-side remainder, always excluding system events. */
  accepts(event: { streamId: string; type: string }): boolean;
}

/** The port's filter (every field given must match) as one server-side ESDB filter plus a remainder. */
export function planFilter(filter: EventFilter = {}): FilterPlan {
  const prefixes = filter.streamPrefixes?.length ? [...filter.streamPrefixes] : undefined;
  const types = filter.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  const typeMatches = (type: string) => types === undefined || types.has(type);
  if (prefixes) {
    return { server: streamNameFilter({ prefixes }), accepts: (e) => !isSystemEvent(e) && typeMatches(e.type) };
  }
  if (types) {
    return { server: eventTypeFilter({ regex: exactAlternatives([...types]) }), accepts: (e) => !isSystemEvent(e) && typeMatches(e.type) };
  }
  return { server: excludeSystemEvents(), accepts: (e) => !isSystemEvent(e) };
}

/** An anchored regex matching exactly one of the names (ESDB's type prefixes would also match longer names). */
export function exactAlternatives(names: readonly string[]): string {
  return `^(?:${names.map((name) => name.replace(/[.*+?^${}()|[\]\\#\s-]/g, '\\$&')).join('|')})$`;
}
