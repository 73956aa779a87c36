/**
 * Hash v2 binds an event's identity: each of stream, revision, event id, type, data and metadata changed
 * alone must break the chain, while events stored under v1 keep verifying under v1.
 */
import { createHash } from 'node:crypto';
import { chainHash, ChainedEvent, contentHash, eventHash, GENESIS_HASH, HASH_VERSION, verifyChain } from './hash-chain';

const metadata = {
  actor: 'registrar-1',
  correlationId: 'c',
  causationId: 'k',
  occurredAt: '2012-03-31T21:00:00.000Z',
  recordedAt: '2012-03-31T21:00:01.000Z',
};

function stream(name: string, count: number): ChainedEvent[] {
  let previousHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, revision) => {
    const event = {
      stream: name,
      revision,
      id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
      type: 'ServiceDelivered',
      data: { householdId: name, n: revision },
      metadata: { ...metadata, hashVersion: HASH_VERSION },
      previousHash,
    };
    const hash = eventHash(previousHash, event);
    previousHash = hash;
    return { ...event, hash };
  });
}

describe('event hashes, version 2', () => {
  it('are SHA-256(previous || revision as 8 bytes || content hash over type, data, metadata, stream and id)', () => {
    const [first] = stream('household-1', 1);
    expect(contentHash(first)).toEqual(Buffer.from(sortedCanonicalHash(first), 'hex'));
    const revision = Buffer.alloc(8);
    const expected = createHash('sha256')
      .update(Buffer.from(GENESIS_HASH, 'hex'))
      .update(revision)
      .update(contentHash(first))
      .digest('hex');
    expect(first.hash).toBe(expected);
  });

  it('verify a genuine stream', () => {
    expect(verifyChain(stream('household-2', 5))).toBeUndefined();
  });

  it.each([
    ['stream', (e: ChainedEvent) => ({ ...e, stream: 'household-other' })],
    ['revision', (e: ChainedEvent) => ({ ...e, revision: 7 })],
    ['event id', (e: ChainedEvent) => ({ ...e, id: '11111111-1111-4111-8111-111111111111' })],
    ['type', (e: ChainedEvent) => ({ ...e, type: 'ServiceCancelled' })],
    ['data', (e: ChainedEvent) => ({ ...e, data: { householdId: 'x', n: 99 } })],
    ['metadata', (e: ChainedEvent) => ({ ...e, metadata: { ...(e.metadata as object), actor: 'someone-else' } })],
  ])('break when the %s of an event changes, the stored hashes untouched', (_, change) => {
    const events = stream('household-3', 4);
    events[2] = change(events[2]);
    expect(verifyChain(events)).toEqual({ index: 2, reason: 'hash-mismatch' });
  });

  it('refuse an event moved to another stream with its hash chain recomputed in v1 form (a downgrade)', () => {
    const events = stream('household-4', 3);
    const { hashVersion: _dropped, ...v1Metadata } = events[2].metadata as Record<string, unknown>;
    const downgraded = { ...events[2], metadata: v1Metadata, stream: 'household-elsewhere' };
    events[2] = { ...downgraded, hash: chainHash(events[1].hash, contentHash(downgraded)) };
    expect(verifyChain(events)).toEqual({ index: 2, reason: 'hash-version-downgrade' });
  });

  it('keep v1 events verifying under v1, and a v1 prefix followed by v2 events', () => {
    const v1 = { type: 'HouseholdEnrolled', data: { members: 3 }, metadata, previousHash: GENESIS_HASH };
    const v1Event = { ...v1, hash: chainHash(GENESIS_HASH, contentHash(v1)), stream: 'household-5', revision: 0, id: 'a' };
    const next = {
      stream: 'household-5',
      revision: 1,
      id: 'b',
      type: 'NeedRecorded',
      data: {},
      metadata: { ...metadata, hashVersion: 2 },
      previousHash: v1Event.hash,
    };
    expect(verifyChain([v1Event, { ...next, hash: eventHash(next.previousHash, next) }])).toBeUndefined();
  });

  it('count a v2 event without its identity as not matching, never as a crash', () => {
    const [first] = stream('household-6', 1);
    expect(verifyChain([{ ...first, stream: undefined }])).toEqual({ index: 0, reason: 'hash-mismatch' });
  });
});

function sortedCanonicalHash(event: ChainedEvent): string {
  const { type, data, metadata: m, stream: s, id } = event;
  const sort = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(sort({ type, data, metadata: m, stream: s, id })))
    .digest('hex');
}
