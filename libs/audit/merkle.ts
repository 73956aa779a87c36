/**
 * A Merkle tree over the global log, after RFC 6962 (Certificate Transparency) section 2.1:
 *
 *   leaf  = SHA-256(0x00 || eventHash)        eventHash: the 32 bytes of an event's chain hash
 *   node  = SHA-256(0x01 || left || right)
 *   MTH(D[n]) splits at k, the largest power of two below n; MTH of the empty list = SHA-256("").
 *
 * The distinct prefixes keep a leaf from passing for a node (second-preimage attacks). Leaves are in
 * global-log order, so a signed root over the first n events fixes every one of them and their order.
 */
import { createHash } from 'node:crypto';

export interface InclusionProof {
  /** 0-based index of the leaf in the global log. */
  leafIndex: number;
  /** Number of leaves of the tree the proof is for (the checkpoint's eventCount). */
  treeSize: number;
  /** Hex sibling hashes, from the leaf upwards. */
  path: string[];
}

const HEX_HASH = /^[0-9a-f]{64}$/;
const sha256 = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

export const isHexHash = (text: unknown): text is string => typeof text === 'string' && HEX_HASH.test(text);

function hashBytes(hex: string): Buffer {
  if (!isHexHash(hex)) throw new RangeError('an event hash is 64 lowercase hex digits');
  return Buffer.from(hex, 'hex');
}

export function leafHash(eventHash: string): Buffer {
  return sha256(Buffer.of(0x00), hashBytes(eventHash));
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(Buffer.of(0x01), left, right);
}

/** The largest power of two strictly below n (n >= 2). */
export function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaves[start, end). */
export function subtreeRoot(leaves: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 1) return leaves[start];
  const k = split(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

/** Hex root over the event hashes, in global-log order. */
export function merkleRoot(eventHashes: readonly string[]): string {
  if (eventHashes.length === 0) return sha256().toString('hex');
  return subtreeRoot(eventHashes.map(leafHash), 0, eventHashes.length).toString('hex');
}

/** MTH of leaves [start, end): over an array of leaves, or a tree that keeps its interior nodes. */
export type RangeRoot = (start: number, end: number) => Buffer;

/** RFC 6962 PATH(m, D[n]): the audit path proving leaf m is in the tree over all the hashes given. */
export function inclusionProof(eventHashes: readonly string[], leafIndex: number): InclusionProof {
  const leaves = eventHashes.map(leafHash);
  return inclusionProofOver((start, end) => subtreeRoot(leaves, start, end), eventHashes.length, leafIndex);
}

/** PATH(m, D[n]) where `rangeRoot` gives the roots of the tree's ranges. */
export function inclusionProofOver(rangeRoot: RangeRoot, treeSize: number, leafIndex: number): InclusionProof {
  if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) throw new RangeError('leaf index outside the tree');
  const path: Buffer[] = [];
  const walk = (m: number, start: number, end: number): void => {
    if (end - start === 1) return;
    const k = split(end - start);
    if (m < k) {
      walk(m, start, start + k);
      path.push(rangeRoot(start + k, end));
    } else {
      walk(m - k, start + k, end);
      path.push(rangeRoot(start, start + k));
    }
  };
  walk(leafIndex, 0, treeSize);
  return { leafIndex, treeSize, path: path.map((p) => p.toString('hex')) };
}

/**
 * RFC 9162 section 2.1.3.2: recomputes the root from the leaf and its path. Never throws: anything
 * malformed is simply not a proof. Arithmetic is on plain numbers, safe below 2^53 leaves.
 */
export function verifyInclusion(eventHash: string, proof: InclusionProof, root: string): boolean {
  const { leafIndex, treeSize, path } = proof ?? ({} as InclusionProof);
  if (!isHexHash(eventHash) || !isHexHash(root) || !Array.isArray(path) || !path.every(isHexHash)) return false;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash(eventHash);
  for (const sibling of path) {
    const p = Buffer.from(sibling, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === root;
}
