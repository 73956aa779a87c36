/** Inclusion and consistency proof vectors (RFC 9162), valid and deliberately broken. */
import { consistencyProof } from '../consistency';
import { inclusionProof, merkleRoot } from '../merkle';
import { flipHex, leaves, swapped } from './vector-keys';
import { Vector } from './vector';

export function inclusionVectors(): Vector[] {
  const log = leaves(13);
  const root = merkleRoot(log);
  const proof = inclusionProof(log, 5);
  // A root means nothing without the size it was signed with: each input names both, as a checkpoint does.
  const vector = (name: string, expect: Vector['expect'], input: object): Vector => ({ kind: 'inclusion', name, expect, input: { treeSize: 13, ...input } });
  return [
    vector('leaf 5 of 13', 'accept', { eventHash: log[5], proof, root }),
    vector('leaf 0 of 1', 'accept', { eventHash: log[0], proof: inclusionProof(log.slice(0, 1), 0), root: merkleRoot(log.slice(0, 1)), treeSize: 1 }),
    vector('leaf 12 of 13, the last', 'accept', { eventHash: log[12], proof: inclusionProof(log, 12), root }),
    vector('wrong size: the proof of 13 leaves said to be of 12', 'reject', { eventHash: log[5], proof: { ...proof, treeSize: 12 }, root }),
    vector('wrong size: beyond the tree the path leads to', 'reject', { eventHash: log[5], proof: { ...proof, treeSize: 14 }, root }),
    vector('wrong root: the root of the first 12 leaves', 'reject', { eventHash: log[5], proof, root: merkleRoot(log.slice(0, 12)) }),
    vector('wrong root: one nibble changed', 'reject', { eventHash: log[5], proof, root: flipHex(root, 7) }),
    vector('truncated proof: the last sibling missing', 'reject', { eventHash: log[5], proof: { ...proof, path: proof.path.slice(0, -1) }, root }),
    vector('extended proof: a sibling too many', 'reject', { eventHash: log[5], proof: { ...proof, path: [...proof.path, root] }, root }),
    vector('wrong leaf index', 'reject', { eventHash: log[5], proof: { ...proof, leafIndex: 4 }, root }),
    vector('reordered leaves: the proof from a log with leaves 5 and 6 swapped', 'reject', { eventHash: log[5], proof: inclusionProof(swapped(log, 5, 6), 6), root }),
    vector('a sibling changed', 'reject', { eventHash: log[5], proof: { ...proof, path: [flipHex(proof.path[0]), ...proof.path.slice(1)] }, root }),
  ];
}

export function consistencyVectors(): Vector[] {
  const log = leaves(13);
  const vector = (name: string, expect: Vector['expect'], input: object): Vector => ({ kind: 'consistency', name, expect, input });
  const roots = (first: number) => ({ firstSize: first, firstRoot: merkleRoot(log.slice(0, first)), secondSize: 13, secondRoot: merkleRoot(log) });
  const proof = consistencyProof(log, 5);
  return [
    vector('5 to 13', 'accept', { proof, ...roots(5) }),
    vector('8 to 13, a power of two', 'accept', { proof: consistencyProof(log, 8), ...roots(8) }),
    vector('1 to 13', 'accept', { proof: consistencyProof(log, 1), ...roots(1) }),
    vector('13 to 13, no path', 'accept', { proof: consistencyProof(log, 13), ...roots(13) }),
    vector('wrong size: the proof from 5 said to be from 6', 'reject', { proof: { ...proof, first: 6 }, ...roots(5) }),
    vector('wrong size: the proof to 13 said to be to 14', 'reject', { proof: { ...proof, second: 14 }, ...roots(5) }),
    vector('wrong root: the later root of 12 leaves', 'reject', { proof, ...roots(5), secondRoot: merkleRoot(log.slice(0, 12)) }),
    vector('wrong root: the earlier root one nibble changed', 'reject', { proof, ...roots(5), firstRoot: flipHex(merkleRoot(log.slice(0, 5)), 3) }),
    vector('truncated proof', 'reject', { proof: { ...proof, path: proof.path.slice(0, -1) }, ...roots(5) }),
    vector('reordered leaves: a later tree with leaves 2 and 3 swapped, its proof computed over it', 'reject', {
      proof: consistencyProof(swapped(log, 2, 3), 5), ...roots(5), secondRoot: merkleRoot(swapped(log, 2, 3)),
    }),
    vector('rolled back: from 13 to 5', 'reject', { proof: { first: 13, second: 5, path: proof.path }, firstSize: 13, firstRoot: merkleRoot(log), secondSize: 5, secondRoot: merkleRoot(log.slice(0, 5)) }),
    vector('a fork: equal sizes, different roots', 'reject', { proof: { first: 13, second: 13, path: [] }, ...roots(13), secondRoot: merkleRoot(swapped(log, 0, 1)) }),
  ];
}
