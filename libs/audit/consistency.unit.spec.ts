import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { consistencyProof, verifyConsistency } from './consistency';
import { leafHash, merkleRoot } from './merkle';

const h = (text: string) => createHash('sha256').update(text).digest('hex');
const hashes = (n: number) => Array.from({ length: n }, (_, i) => h(`event-${i}`));
const sha = (...parts: Buffer[]) => parts.reduce((acc, p) => acc.update(p), createHash('sha256')).digest();
const node = (l: Buffer, r: Buffer) => sha(Buffer.of(1), l, r);
const hex = (b: Buffer) => b.toString('hex');

describe('consistency proofs between two trees of the global log (RFC 9162 2.1.4)', () => {
  // The seven-leaf tree of RFC 9162 section 2.1.5: a..g are leaves, k = (a b), l = (c d), ...
  const events = hashes(7);
  const [a, b, c, d, e, f, g] = events.map(leafHash);
  const [k, l, i] = [node(a, b), node(c, d), node(e, f)];
  const m = node(k, l);
  const j = node(i, g);

  // The RFC's names: its g = (a b) is k here and its l = ((e f) d6) is j here.
  it('proves size 3 into size 7 with the path [c, d, g, l] as the RFC gives it', () => {
    expect(consistencyProof(events, 3).path).toEqual([c, d, k, j].map(hex));
  });

  it('proves size 4 into size 7 with the single node [l] (j here), the first tree being a whole subtree', () => {
    // m = (k l) is the whole first tree; its sibling j is all the verifier needs.
    expect(consistencyProof(events, 4).path).toEqual([hex(j)]);
  });

  it("proves size 6 into size 7 with the RFC's [i, j, k] (i, g, m here)", () => {
    expect(consistencyProof(events, 6).path).toEqual([i, g, m].map(hex));
  });

  it('accepts every honest proof between any two sizes up to 70 leaves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 70 }), (x, y) => {
        const [first, second] = x <= y ? [x, y] : [y, x];
        const all = hashes(second);
        const proof = consistencyProof(all, first);
        return verifyConsistency(proof, merkleRoot(all.slice(0, first)), merkleRoot(all));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a proof when any node of its path is altered, dropped or one too many', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 41 }), fc.nat(), (x, second, pick) => {
        const first = Math.min(x, second - 1);
        const all = hashes(second);
        const proof = consistencyProof(all, first);
        const [r1, r2] = [merkleRoot(all.slice(0, first)), merkleRoot(all)];
        const at = pick % proof.path.length;
        const altered = proof.path.map((p, n) => (n === at ? h(`forged-${p}`) : p));
        return (
          !verifyConsistency({ ...proof, path: altered }, r1, r2) &&
          !verifyConsistency({ ...proof, path: proof.path.filter((_, n) => n !== at) }, r1, r2) &&
          !verifyConsistency({ ...proof, path: [...proof.path, h('extra')] }, r1, r2)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a later tree that rewrote an event the earlier tree covered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.nat(), (first, more, pick) => {
        const all = hashes(first + more);
        const earlierRoot = merkleRoot(all.slice(0, first));
        const rewritten = all.map((x, n) => (n === pick % first ? h('rewritten') : x));
        return !verifyConsistency(consistencyProof(rewritten, first), earlierRoot, merkleRoot(rewritten));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects wrong sizes, swapped roots and malformed input without throwing', () => {
    const all = hashes(13);
    const proof = consistencyProof(all, 5);
    const [r1, r2] = [merkleRoot(all.slice(0, 5)), merkleRoot(all)];
    expect(verifyConsistency(proof, r1, r2)).toBe(true);
    // Sizes are bound to roots by the checkpoint's signature; a size that changes the tree's shape fails here too.
    expect(verifyConsistency({ ...proof, second: 64 }, r1, r2)).toBe(false);
    expect(verifyConsistency({ ...proof, first: 6 }, r1, r2)).toBe(false);
    expect(verifyConsistency(proof, r2, r1)).toBe(false);
    expect(verifyConsistency({ ...proof, first: 0 }, r1, r2)).toBe(false);
    expect(verifyConsistency({ ...proof, path: ['zz'] }, r1, r2)).toBe(false);
    expect(verifyConsistency(undefined as never, r1, r2)).toBe(false);
    expect(verifyConsistency({ first: 13, second: 13, path: [] }, r2, r2)).toBe(true);
    expect(verifyConsistency({ first: 13, second: 13, path: [h('x')] }, r2, r2)).toBe(false);
  });

  it('refuses to prove an earlier tree larger than the later one', () => {
    expect(() => consistencyProof(hashes(3), 4)).toThrow(RangeError);
    expect(() => consistencyProof(hashes(3), 0)).toThrow(RangeError);
  });
});
