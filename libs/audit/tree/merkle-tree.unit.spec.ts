import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { consistencyProof, verifyConsistency } from '../consistency';
import { inclusionProof, merkleRoot, verifyInclusion } from '../merkle';
import { MerkleTree } from './merkle-tree';

const hashes = (n: number) => Array.from({ length: n }, (_, i) => createHash('sha256').update(`event-${i}`).digest('hex'));

function treeOf(eventHashes: readonly string[]): MerkleTree {
  const tree = new MerkleTree();
  for (const hash of eventHashes) tree.appendEventHash(hash);
  return tree;
}

describe('a Merkle tree kept whole and appended to', () => {
  const all = hashes(300);
  const tree = treeOf(all);

  it('gives the root of every size the array-based reference gives', () => {
    for (let size = 0; size <= 300; size++) expect(tree.root(size)).toBe(merkleRoot(all.slice(0, size)));
  });

  it('gives the same inclusion and consistency proofs as the reference, for any sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.nat(), (a, b, pick) => {
        const [first, second] = a <= b ? [a, b] : [b, a];
        const prefix = all.slice(0, second);
        const leaf = pick % second;
        const inclusion = tree.inclusionProof(leaf, second);
        const consistency = tree.consistencyProof(first, second);
        expect(inclusion).toEqual(inclusionProof(prefix, leaf));
        expect(consistency).toEqual(consistencyProof(prefix, first));
        return (
          verifyInclusion(all[leaf], inclusion, merkleRoot(prefix)) &&
          verifyConsistency(consistency, merkleRoot(all.slice(0, first)), merkleRoot(prefix))
        );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses sizes beyond what it holds', () => {
    expect(() => tree.root(301)).toThrow(RangeError);
    expect(() => tree.consistencyProof(5, 301)).toThrow(RangeError);
  });
});
