/**
 * The shared mapping (esdb/mapping.ts) on @kurrent/kurrentdb-client's own classes and shapes: the adapter
 * maps errors by their `type`, events and filters by shape, so these fail if the new client drifts.
 */
import {
  eventTypeFilter,
  excludeSystemEvents,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError as KurrentStreamNotFoundError,
  streamNameFilter,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { convertRustEvent } from '@kurrent/kurrentdb-client/dist/utils/convertRustEvent';
import { convertBridgeError } from '@kurrent/kurrentdb-client/dist/utils/convertBridgeError';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { GENESIS_HASH } from '../hash-chain';
import { fromEsdbEvent, planFilter, toEsdbMetadata, translateEsdbError } from '../esdb/mapping';

/** An error as the client converts it from its native bridge (reads and subscriptions go through it). */
const fromBridge = (name: string) =>
  convertBridgeError(
    Object.assign(new Error(name), { name, metadata: { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' } }) as never,
  );

const metadata = {
  actor: 'tester',
  correlationId: 'c-1',
  causationId: 'c-0',
  occurredAt: '2012-03-01T08:00:00.000Z',
  recordedAt: '2012-03-01T08:00:01.000Z',
};

/** An event as the client's native bridge hands it over, before the client's own conversion. */
function bridgeEvent(position = { commit: 1200n, prepare: 1100n }) {
  const json = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value)));
  return {
    event: {
      streamId: 'household-1',
      id: '0b0e6a52-3c0c-4a53-9d8e-2a4f1f7f9a10',
      revision: 3n,
      type: 'HouseholdEnrolled',
      created: Date.parse('2012-03-01T08:00:01.500Z'),
      isJson: true,
      data: json({ members: 3 }),
      metadata: json(toEsdbMetadata(metadata, GENESIS_HASH, 'ab'.repeat(32))),
      position,
    },
  };
}

describe('KurrentDB client mapping', () => {
  it('reads an event converted by the client into the port event, hashes out of the metadata', () => {
    const resolved = convertRustEvent(bridgeEvent() as never);
    expect(fromEsdbEvent(resolved.event as never)).toEqual({
      id: '0b0e6a52-3c0c-4a53-9d8e-2a4f1f7f9a10',
      stream: 'household-1',
      revision: 3n,
      position: { commit: 1200n, prepare: 1100n },
      type: 'HouseholdEnrolled',
      data: { members: 3 },
      metadata,
      recordedAt: metadata.recordedAt,
      previousHash: GENESIS_HASH,
      hash: 'ab'.repeat(32),
    });
  });

  it('turns a wrong expected state (the new client names it *State) into the port error with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'household-1', expected: 2n, current: 5n });
    expect(translateEsdbError(error, 'household-1', 2n)).toEqual(new WrongExpectedRevisionError('household-1', 2n, 5n));
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'loan-1', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(translateEsdbError(missing)).toMatchObject({ stream: 'loan-1', expected: 'stream_exists', actual: -1n });
  });

  it('turns the client stream-not-found into StreamNotFoundError naming the stream read', () => {
    const error = fromBridge('StreamNotFoundError');
    expect(error).toBeInstanceOf(KurrentStreamNotFoundError);
    expect(translateEsdbError(error, 'case-9')).toEqual(new StreamNotFoundError('case-9'));
  });

  it.each([
    ['unavailable', fromBridge('UnavailableError')],
    ['a deadline exceeded', fromBridge('DeadlineExceededError')],
    ['not leader (a failover)', fromBridge('NotLeaderError')],
    ['a raw gRPC UNAVAILABLE the client lets through', Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'No connection' })],
    ['refused credentials', fromBridge('AccessDeniedError')],
  ])('turns %s into EventStoreUnavailableError keeping the cause', (_label, error) => {
    expect(error).not.toBeInstanceOf(UnknownError);
    const mapped = translateEsdbError(error);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as EventStoreUnavailableError).cause).toBe(error);
  });

  it('passes an unknown error through unchanged', () => {
    const error = fromBridge('SomethingNew');
    expect(error).toBeInstanceOf(UnknownError);
    expect(translateEsdbError(error)).toBe(error);
  });

  it('builds the same server-side filters the new client builds, so its readAll filters on the server', () => {
    expect(planFilter({ streamPrefixes: ['household-'] }).server).toEqual(streamNameFilter({ prefixes: ['household-'] }));
    expect(planFilter({ eventTypes: ['CaseOpened'] }).server).toEqual(eventTypeFilter({ regex: '^(?:CaseOpened)$' }));
    expect(planFilter().server).toEqual(excludeSystemEvents());
  });
});
