import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { inclusionProof, leafHash, merkleRoot, verifyInclusion } from './merkle';

const h = (text: string) => createHash('sha256').update(text).digest('hex');
const hashes = (n: number) => Array.from({ length: n }, (_, i) => h(`event-${i}`));
const sha = (...parts: Buffer[]) => parts.reduce((acc, p) => acc.update(p), createHash('sha256')).digest();
const node = (l: Buffer, r: Buffer) => sha(Buffer.of(1), l, r);

describe('Merkle tree over the global log (RFC 6962)', () => {
  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('prefixes a leaf with 0x00, so a one-event tree is not the event hash itself', () => {
    const [one] = hashes(1);
    expect(merkleRoot([one])).toBe(sha(Buffer.of(0), Buffer.from(one, 'hex')).toString('hex'));
    expect(merkleRoot([one])).not.toBe(one);
  });

  it('splits three leaves as ((a b) c), at the largest power of two below n', () => {
    const [a, b, c] = hashes(3).map(leafHash);
    expect(merkleRoot(hashes(3))).toBe(node(node(a, b), c).toString('hex'));
  });

  it('splits seven leaves as (((a b)(c d))((e f) g))', () => {
    const [a, b, c, d, e, f, g] = hashes(7).map(leafHash);
    expect(merkleRoot(hashes(7))).toBe(node(node(node(a, b), node(c, d)), node(node(e, f), g)).toString('hex'));
  });

  it('gives the path from the leaf upwards', () => {
    const [a, b, c] = hashes(3).map(leafHash);
    expect(inclusionProof(hashes(3), 0).path).toEqual([b.toString('hex'), c.toString('hex')]);
    expect(inclusionProof(hashes(3), 2).path).toEqual([node(a, b).toString('hex')]);
  });

  it('proves every leaf of every tree size up to 70', () => {
    for (let n = 1; n <= 70; n++) {
      const all = hashes(n);
      const root = merkleRoot(all);
      for (let m = 0; m < n; m++) expect(verifyInclusion(all[m], inclusionProof(all, m), root)).toBe(true);
    }
  });

  // The tree size is not checked here: the same path can fit two sizes (leaf 0 of 5 or of 6), which is why
  // the bundle verifier takes the size from the signed checkpoint, never from the proof alone.
  it('refuses a proof for another leaf, another index or another root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.nat(), (n, seed) => {
        const all = hashes(n);
        const m = seed % n;
        const proof = inclusionProof(all, m);
        const root = merkleRoot(all);
        expect(verifyInclusion(all[(m + 1) % n], proof, root)).toBe(false);
        expect(verifyInclusion(all[m], { ...proof, leafIndex: (m + 1) % n }, root)).toBe(false);
        expect(verifyInclusion(all[m], proof, merkleRoot(all.slice(0, n - 1)))).toBe(false);
      }),
    );
  });

  it('refuses a path with one bit flipped, one sibling dropped or one added', () => {
    const all = hashes(37);
    const proof = inclusionProof(all, 21);
    const root = merkleRoot(all);
    const flipped = [...proof.path];
    flipped[2] = (flipped[2][0] === '0' ? '1' : '0') + flipped[2].slice(1);
    expect(verifyInclusion(all[21], { ...proof, path: flipped }, root)).toBe(false);
    expect(verifyInclusion(all[21], { ...proof, path: proof.path.slice(1) }, root)).toBe(false);
    expect(verifyInclusion(all[21], { ...proof, path: [...proof.path, proof.path[0]] }, root)).toBe(false);
  });

  it('treats malformed input as no proof rather than throwing', () => {
    const all = hashes(4);
    const proof = inclusionProof(all, 1);
    expect(verifyInclusion('xyz', proof, merkleRoot(all))).toBe(false);
    expect(verifyInclusion(all[1], { ...proof, path: ['00'] }, merkleRoot(all))).toBe(false);
    expect(verifyInclusion(all[1], { ...proof, leafIndex: 4 }, merkleRoot(all))).toBe(false);
    expect(verifyInclusion(all[1], null as never, merkleRoot(all))).toBe(false);
  });

  it('refuses to build a proof for a leaf outside the tree', () => {
    expect(() => inclusionProof(hashes(3), 3)).toThrow(RangeError);
    expect(() => merkleRoot(['not-a-hash'])).toThrow(RangeError);
  });
});
