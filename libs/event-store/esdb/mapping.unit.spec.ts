import {
  AccessDeniedError,
  AllStreamJSONRecordedEvent,
  CancelledError,
  DeadlineExceededError,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  ANY,
  StreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { EventStoreUnavailableError, InvalidAppendError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { contentHash, chainHash, GENESIS_HASH, verifyChain } from '../hash-chain';
import { START } from '../position';
import { filteredReadRequest } from './filtered-read';
import {
  exactAlternatives,
  exactRevision,
  fromEsdbCurrentRevision,
  fromEsdbEvent,
  knownPosition,
  NO_POSITION,
  planFilter,
  PositionUnknownError,
  toEsdbExpectedRevision,
  toEsdbMetadata,
  toEsdbReadPosition,
  translateEsdbError,
} from './mapping';

const metadata = {
  actor: 'tester',
  correlationId: 'c-1',
  causationId: 'c-0',
  occurredAt: '2012-03-01T08:00:00.000Z',
  recordedAt: '2012-03-01T08:00:01.000Z',
};

function esdbEvent(overrides: Partial<AllStreamJSONRecordedEvent> = {}): AllStreamJSONRecordedEvent {
  return {
    streamId: 'household-1',
    id: '0b0e6a52-3c0c-4a53-9d8e-2a4f1f7f9a10',
    isJson: true,
    revision: 3n,
    type: 'HouseholdEnrolled',
    created: new Date('2012-03-01T08:00:01.500Z'),
    data: { members: 3 },
    metadata: toEsdbMetadata(metadata, GENESIS_HASH, 'ab'.repeat(32)),
    position: { commit: 1200n, prepare: 1100n },
    ...overrides,
  } as AllStreamJSONRecordedEvent;
}

describe('EventStoreDB mapping', () => {
  describe('positions', () => {
    it('sends the port start, and any negative position, as the client START', () => {
      expect(toEsdbReadPosition(START)).toBe(ESDB_START);
      expect(toEsdbReadPosition({ commit: -1n, prepare: 5n })).toBe(ESDB_START);
      expect(toEsdbReadPosition('start')).toBe(ESDB_START);
      expect(toEsdbReadPosition('end')).toBe(END);
    });

    it('keeps both parts of a position, so a checkpoint means the same thing after a round trip', () => {
      const checkpoint = { commit: 2n ** 40n + 7n, prepare: 2n ** 40n + 3n };
      expect(toEsdbReadPosition(checkpoint)).toEqual(checkpoint);
      expect(fromEsdbEvent(esdbEvent({ position: checkpoint }))!.position).toEqual(checkpoint);
    });

    it('refuses a stream read without positions (servers before 22.6 send uint64 max) instead of inventing one', () => {
      expect(() => fromEsdbEvent(esdbEvent({ position: { commit: NO_POSITION, prepare: NO_POSITION } }))).toThrow(PositionUnknownError);
      expect(knownPosition(undefined)).toBeUndefined();
      expect(knownPosition({ commit: 5n, prepare: 4n })).toEqual({ commit: 5n, prepare: 4n });
    });
  });

  describe('revisions', () => {
    it.each([
      ['any', ANY],
      ['no_stream', NO_STREAM],
      ['stream_exists', STREAM_EXISTS],
      [7n, 7n],
      [-1n, NO_STREAM],
    ] as const)('maps the expected revision %p to the client value %p', (port, client) => {
      expect(toEsdbExpectedRevision(port)).toBe(client);
    });

    it('counts a missing stream as revision -1 both ways', () => {
      expect(fromEsdbCurrentRevision(NO_STREAM)).toBe(-1n);
      expect(fromEsdbCurrentRevision(4n)).toBe(4n);
      expect(exactRevision(-1n)).toBe(NO_STREAM);
      expect(exactRevision(4n)).toBe(4n);
    });
  });

  describe('errors', () => {
    it('turns a wrong expected version into the port error with the actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'household-1', expected: 2n, current: 5n });
      const mapped = translateEsdbError(error, 'household-1', 2n);
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ stream: 'household-1', expected: 2n, actual: 5n });
    });

    it('reports a missing stream in a wrong expected version as actual -1', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'loan-1', expected: STREAM_EXISTS, current: NO_STREAM });
      expect(translateEsdbError(error)).toMatchObject({ stream: 'loan-1', expected: 'stream_exists', actual: -1n });
    });

    it('turns the client stream-not-found and a deleted stream on read into StreamNotFoundError', () => {
      expect(translateEsdbError(new EsdbStreamNotFoundError(undefined, 'case-9'))).toEqual(new StreamNotFoundError('case-9'));
      expect(translateEsdbError(StreamDeletedError.fromStreamName('case-9'), 'case-9')).toBeInstanceOf(StreamNotFoundError);
    });

    it('refuses an append to a deleted stream or over the maximum size as invalid', () => {
      expect(translateEsdbError(StreamDeletedError.fromStreamName('case-9'), 'case-9', 'any')).toBeInstanceOf(InvalidAppendError);
      expect(translateEsdbError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), 'case-9', 'any')).toBeInstanceOf(InvalidAppendError);
    });

    it.each([
      ['unavailable', new UnavailableError(undefined, 'no connection')],
      ['deadline exceeded', new DeadlineExceededError(undefined, 'deadline')],
      ['cancelled by the server', new CancelledError(undefined, 'cancelled')],
      ['refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
      ['failed cluster discovery', new Error('Failed to discover after 10 attempts.')],
      ['refused credentials', new AccessDeniedError(undefined, 'denied')],
    ])('turns %s into EventStoreUnavailableError keeping the cause', (_label, error) => {
      const mapped = translateEsdbError(error);
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as EventStoreUnavailableError).cause).toBe(error);
    });

    it('passes anything it does not recognise through unchanged', () => {
      const error = new UnknownError(undefined, 'boom');
      expect(translateEsdbError(error)).toBe(error);
    });
  });

  describe('metadata', () => {
    it('stores the hash chain in metadata and strips it out on read, keeping recordedAt', () => {
      const read = fromEsdbEvent(esdbEvent())!;
      expect(read.metadata).toEqual(metadata);
      expect(read.recordedAt).toBe(metadata.recordedAt);
      expect(read).toMatchObject({ previousHash: GENESIS_HASH, hash: 'ab'.repeat(32), revision: 3n, stream: 'household-1' });
    });

    it('reads back a chain that verifies, computed from the metadata the port returns', () => {
      const content = { type: 'HouseholdEnrolled', data: { members: 3 }, metadata };
      const hash = chainHash(GENESIS_HASH, contentHash(content));
      const read = fromEsdbEvent(esdbEvent({ revision: 0n, metadata: toEsdbMetadata(metadata, GENESIS_HASH, hash) }))!;
      expect(verifyChain([read])).toBeUndefined();
    });

    it('skips system and binary events', () => {
      expect(fromEsdbEvent(esdbEvent({ type: '$metadata' }))).toBeUndefined();
      expect(fromEsdbEvent(esdbEvent({ streamId: '$stats-127.0.0.1:2113' }))).toBeUndefined();
      expect(fromEsdbEvent({ ...esdbEvent(), isJson: false } as never)).toBeUndefined();
    });

    it('gives an event from another writer empty hashes, so verifying its chain fails', () => {
      const read = fromEsdbEvent(esdbEvent({ revision: 0n, metadata: { actor: 'someone' } }))!;
      expect(read.hash).toBe('');
      expect(read.recordedAt).toBe('2012-03-01T08:00:01.500Z');
      expect(verifyChain([read])).toEqual({ index: 0, reason: 'previous-hash-mismatch' });
    });
  });

  describe('filters', () => {
    const event = (streamId: string, type: string) => ({ streamId, type });

    it('filters stream prefixes on the server and event types on the client when both are given', () => {
      const plan = planFilter({ streamPrefixes: ['household-', 'loan-'], eventTypes: ['LoanGranted'] });
      expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['household-', 'loan-'] });
      expect(plan.accepts(event('loan-1', 'LoanGranted'))).toBe(true);
      expect(plan.accepts(event('loan-1', 'LoanRepaid'))).toBe(false);
    });

    it('filters event types on the server by exact name, not by prefix', () => {
      const plan = planFilter({ eventTypes: ['CaseOpened', 'Loan.Granted'] });
      expect(plan.server).toMatchObject({ filterOn: 'eventType' });
      const regex = new RegExp((plan.server as { regex: string }).regex);
      expect(['CaseOpened', 'Loan.Granted'].every((t) => regex.test(t))).toBe(true);
      expect(['CaseOpenedAgain', 'LoanxGranted', 'XCaseOpened'].some((t) => regex.test(t))).toBe(false);
    });

    it('excludes system events when no filter is given, on both sides', () => {
      const plan = planFilter();
      expect(plan.server).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
      expect(plan.accepts(event('$$household-1', '$metadata'))).toBe(false);
      expect(plan.accepts(event('$projections-x', 'ProjectionUpdated'))).toBe(false);
      expect(plan.accepts(event('household-1', 'HouseholdEnrolled'))).toBe(true);
    });

    it('treats empty lists as no filter, as the PostgreSQL adapter does', () => {
      expect(planFilter({ streamPrefixes: [], eventTypes: [] }).server).toMatchObject({ regex: '^[^$].*' });
    });

    it('escapes regex characters in event type names', () => {
      expect(exactAlternatives(['a.b', 'c+d'])).toBe('^(?:a\\.b|c\\+d)$');
    });

    it('puts the filter and the position on the wire in the filtered read request', () => {
      const request = filteredReadRequest({
        fromPosition: { commit: 10n, prepare: 9n },
        direction: 'backwards',
        maxCount: 50,
        filter: planFilter({ streamPrefixes: ['loan-'] }).server,
      }).getOptions()!;
      expect(request.getFilter()!.getStreamIdentifier()!.getPrefixList()).toEqual(['loan-']);
      expect(request.getAll()!.getPosition()!.toObject()).toEqual({ commitPosition: '10', preparePosition: '9' });
      expect(request.getReadDirection()).toBe(ReadReq.Options.ReadDirection.BACKWARDS);
      expect(request.getCount()).toBe('50');
      expect(request.hasSubscription()).toBe(false);
    });
  });
});
