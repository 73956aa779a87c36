/**
 * The log's Merkle tree kept whole and appended to: every perfect subtree's root, level by level, packed in
 * growable buffers (32 bytes a node, about 64 bytes a leaf in all). A root or proof of any size up to the
 * tree's then takes O(log n) stored nodes and O(log n) hashes, instead of re-hashing every leaf.
 * Proofs are the RFC 9162 ones of merkle.ts and consistency.ts, over this tree's ranges.
 */
import { ConsistencyProof, consistencyProofOver } from '../consistency';
import { InclusionProof, inclusionProofOver, leafHash, nodeHash, split } from '../merkle';

const HASH = 32;
const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

class PackedHashes {
  private bytes = Buffer.alloc(HASH * 1024);
  length = 0;

  push(hash: Buffer): void {
    if ((this.length + 1) * HASH > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown, 0, 0, this.length * HASH);
      this.bytes = grown;
    }
    hash.copy(this.bytes, this.length * HASH);
    this.length++;
  }

  at(index: number): Buffer {
    return this.bytes.subarray(index * HASH, (index + 1) * HASH);
  }
}

export class MerkleTree {
  /** levels[k][i]: root of the perfect subtree of 2^k leaves starting at leaf i * 2^k. */
  private readonly levels: PackedHashes[] = [new PackedHashes()];

  get size(): number {
    return this.levels[0].length;
  }

  /** Appends the leaf for an event hash (hex), completing whatever perfect subtrees it closes. */
  appendEventHash(eventHash: string): void {
    this.appendLeaf(leafHash(eventHash));
  }

  appendLeaf(leaf: Buffer): void {
    this.levels[0].push(leaf);
    for (let level = 0; this.levels[level].length % 2 === 0; level++) {
      const below = this.levels[level];
      const right = below.length - 1;
      if (!this.levels[level + 1]) this.levels.push(new PackedHashes());
      this.levels[level + 1].push(nodeHash(below.at(right - 1), below.at(right)));
    }
  }

  /** Hex root of the tree over the first `size` leaves. */
  root(size = this.size): string {
    this.check(size);
    return size === 0 ? EMPTY_ROOT : this.rangeRoot(0, size).toString('hex');
  }

  inclusionProof(leafIndex: number, size = this.size): InclusionProof {
    this.check(size);
    return inclusionProofOver(this.rangeRoot, size, leafIndex);
  }

  consistencyProof(first: number, second = this.size): ConsistencyProof {
    this.check(second);
    return consistencyProofOver(this.rangeRoot, first, second);
  }

  /** MTH of leaves [start, end) as RFC 6962 splits it: the left part always a stored perfect subtree. */
  private readonly rangeRoot = (start: number, end: number): Buffer => {
    const n = end - start;
    const level = Math.log2(n);
    if (Number.isInteger(level) && start % n === 0) return this.levels[level].at(start / n);
    const k = split(n);
    return nodeHash(this.rangeRoot(start, start + k), this.rangeRoot(start + k, end));
  };

  private check(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`the tree holds ${this.size} leaves, not ${size}`);
  }
}
