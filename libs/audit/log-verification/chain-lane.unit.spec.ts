/**
 * A lane fed the log page by page must find what verifyChain finds stream by stream: the same first break
 * in log order, or none, whatever was tampered with and wherever the pages split.
 */
import fc from 'fast-check';
import { chainHash, chainHashV2, contentHash, GENESIS_HASH, verifyChain } from '../../event-store/hash-chain';
import { ChainLane, LaneBreak } from './chain-lane';
import { LogRow } from './log-pages';

interface Stored {
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

const payload = fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const tampering = fc.option(
  fc.record({ at: fc.nat(), what: fc.constantFrom('data', 'metadata', 'type', 'previousHash', 'hash', 'drop', 'id') }),
);
const log = fc.record({
  streams: fc.nat({ max: 3 }).map((n) => n + 1),
  order: fc.array(fc.tuple(fc.nat({ max: 3 }), payload), { minLength: 1, maxLength: 40 }),
  tampering,
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
});

/** A genuine log: events of `streams` streams in the order given, each chained on its stream's last; even streams hash v2, odd ones v1. */
function genuineLog(streams: number, order: Array<[number, Record<string, unknown>]>): Stored[] {
  const heads = new Map<string, { hash: string; revision: number }>();
  return order.map(([pick, data], i) => {
    const stream = `stream-${pick % streams}`;
    const head = heads.get(stream);
    const v2 = (pick % streams) % 2 === 0;
    const [type, id] = [`Type${i % 3}`, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`];
    const metadata = { actor: 'a', recordedAt: `2012-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, ...(v2 && { hashVersion: 2 }) };
    const [previousHash, revision] = [head?.hash ?? GENESIS_HASH, (head?.revision ?? -1) + 1];
    const hash = v2
      ? chainHashV2(previousHash, revision, contentHash({ type, data, metadata, stream, id }))
      : chainHash(previousHash, contentHash({ type, data, metadata }));
    heads.set(stream, { hash, revision });
    return { id, stream, revision, type, data, metadata, previousHash, hash };
  });
}

function tamper(events: Stored[], change: { at: number; what: string } | null): Stored[] {
  if (!change) return events;
  const at = change.at % events.length;
  if (change.what === 'drop') return events.filter((_, i) => i !== at);
  const altered = { ...events[at] };
  if (change.what === 'data') altered.data = { ...altered.data, tampered: true };
  else if (change.what === 'metadata') altered.metadata = { ...altered.metadata, actor: 'someone-else' };
  else if (change.what === 'type') altered.type = 'Forged';
  else if (change.what === 'id') altered.id = '11111111-1111-4111-8111-111111111111';
  else altered[change.what as 'hash' | 'previousHash'] = 'ab'.repeat(32);
  return events.map((event, i) => (i === at ? altered : event));
}

const row = (event: Stored, i: number): LogRow => [
  String(1_000 + i),
  event.stream,
  String(event.revision),
  event.type,
  JSON.stringify(event.data, null, i % 2 ? 1 : undefined),
  JSON.stringify(event.metadata),
  event.previousHash,
  event.hash,
  event.id,
];

/** verifyChain over each stream, from genesis as the lane starts (a dropped first event too): the earliest break in log order. */
function expectedBreak(events: Stored[]): LaneBreak | undefined {
  const firsts = [...new Set(events.map((e) => e.stream))].flatMap((stream) => {
    const indices = events.flatMap((e, i) => (e.stream === stream ? [i] : []));
    const chain = indices.map((i) => events[i]);
    const found = verifyChain(chain);
    return found ? [{ at: indices[found.index], reason: found.reason }] : [];
  });
  const first = firsts.sort((a, b) => a.at - b.at)[0];
  if (!first) return undefined;
  const [position, stream, revision] = row(events[first.at], first.at);
  return { position, stream, revision, reason: first.reason };
}

describe('a hashing lane', () => {
  it('finds the first break verifyChain finds, page after page', () => {
    fc.assert(
      fc.property(log, ({ streams, order, tampering: change, cuts }) => {
        const events = tamper(genuineLog(streams, order), change);
        const rows = events.map(row);
        const bounds = [...new Set([0, ...cuts.map((c) => c % (rows.length + 1)), rows.length])].sort((a, b) => a - b);
        const lane = new ChainLane();
        let first: LaneBreak | undefined;
        for (let i = 1; i < bounds.length; i++) first ??= lane.check(rows.slice(bounds[i - 1], bounds[i]));
        expect(first).toEqual(expectedBreak(events));
      }),
      { numRuns: 500 },
    );
  });

  it('finds an untouched log intact', () => {
    const rows = genuineLog(
      3,
      Array.from({ length: 30 }, (_, i): [number, Record<string, unknown>] => [i * 7, { n: i, text: 'é\ud83d\ude00' }]),
    ).map(row);
    expect(new ChainLane().check(rows)).toBeUndefined();
  });
});
