/**
 * Consistency proofs between two sizes of the Merkle tree over the global log (RFC 9162 section 2.1.4):
 * a proof that the tree of `first` leaves is a prefix of the tree of `second` leaves, so a later
 * checkpoint can be shown to extend an earlier one, and a log that rewrote or dropped anything the earlier
 * checkpoint covered cannot produce one.
 */
import { isHexHash, leafHash, nodeHash, RangeRoot, split, subtreeRoot } from './merkle';

export interface ConsistencyProof {
  /** Leaves of the earlier tree (0 < first <= second). */
  first: number;
  /** Leaves of the later tree. */
  second: number;
  /** Hex node hashes, in the order of RFC 9162 SUBPROOF. */
  path: string[];
}

/** RFC 9162 PROOF(m, D[n]) over the event hashes of the later tree, in global-log order. */
export function consistencyProof(eventHashes: readonly string[], first: number): ConsistencyProof {
  const leaves = eventHashes.map(leafHash);
  return consistencyProofOver((start, end) => subtreeRoot(leaves, start, end), first, eventHashes.length);
}

/** PROOF(m, D[n]) where `rangeRoot` gives the roots of the later tree's ranges. */
export function consistencyProofOver(rangeRoot: RangeRoot, first: number, second: number): ConsistencyProof {
  if (!Number.isInteger(first) || first < 1 || first > second) throw new RangeError('the earlier tree must hold 1 to all of the leaves');
  const path: Buffer[] = [];
  // SUBPROOF(m, D[start:end], whole): `whole` says D[start:end] is itself a tree the verifier knows the root of.
  const subproof = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) path.push(rangeRoot(start, end));
      return;
    }
    const k = split(n);
    if (m <= k) {
      subproof(m, start, start + k, whole);
      path.push(rangeRoot(start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      path.push(rangeRoot(start, start + k));
    }
  };
  subproof(first, 0, second, true);
  return { first, second, path: path.map((p) => p.toString('hex')) };
}

/**
 * RFC 9162 section 2.1.4.2: checks that `firstRoot` (tree of `first` leaves) and `secondRoot` (tree of
 * `second` leaves) are consistent under the proof. Never throws: anything malformed is not a proof.
 * Plain-number arithmetic, safe below 2^53 leaves (shifts are done by division, not 32-bit operators).
 */
export function verifyConsistency(proof: ConsistencyProof, firstRoot: string, secondRoot: string): boolean {
  const { first, second, path } = proof ?? ({} as ConsistencyProof);
  if (!isHexHash(firstRoot) || !isHexHash(secondRoot) || !Array.isArray(path) || !path.every(isHexHash)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second) return false;
  if (first === second) return path.length === 0 && firstRoot === secondRoot;
  // A first tree of 2^k leaves is a whole subtree of the second: its root starts the walk.
  const nodes = (isPowerOfTwo(first) ? [firstRoot, ...path] : path).map((hex) => Buffer.from(hex, 'hex'));
  if (nodes.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = nodes[0];
  let sr: Buffer = nodes[0];
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.toString('hex') === firstRoot && sr.toString('hex') === secondRoot;
}

const half = (n: number) => Math.floor(n / 2);

/** By division, for sizes beyond 32 bits too (`&` would truncate them). */
function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
