/**
 * The stream heads a checkpoint commits to: every stream's last event (stream, revision, hash) as of the
 * checkpoint, sorted by stream name, as the leaves of a second RFC 6962 tree whose root the checkpoint
 * signs. A bundle proves its last event is its stream's head under that root, so a stream whose last
 * events were deleted (its chain still intact) no longer matches what was signed.
 *
 *   entry = SHA-256("family-ledger/stream-head/v1\n" || stream || "\n" || revision || "\n" || hash)
 *
 * (hex, then a leaf as any event hash: SHA-256(0x00 || entry)). Names sort by UTF-16 code units.
 */
import { createHash } from 'node:crypto';
import { InclusionProof } from './merkle';
import { MerkleTree } from './tree/merkle-tree';

export interface StreamHead {
  revision: bigint;
  hash: string;
}

const CONTEXT = 'family-ledger/stream-head/v1\n';

export function headEntryHash(stream: string, revision: bigint | string, hash: string): string {
  return createHash('sha256').update(`${CONTEXT}${stream}\n${revision.toString()}\n${hash}`, 'utf8').digest('hex');
}

/** A frozen, sorted set of stream heads and the tree over them. */
export class StreamHeads {
  private readonly tree = new MerkleTree();
  private readonly index = new Map<string, number>();
  private readonly entries: [string, StreamHead][];

  constructor(heads: Iterable<[string, StreamHead]>) {
    this.entries = [...heads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.entries.forEach(([stream, { revision, hash }], i) => {
      this.index.set(stream, i);
      this.tree.appendEventHash(headEntryHash(stream, revision, hash));
    });
  }

  get count(): number {
    return this.tree.size;
  }

  get root(): string {
    return this.tree.root();
  }

  head(stream: string): StreamHead | undefined {
    const i = this.index.get(stream);
    return i === undefined ? undefined : this.entries[i][1];
  }

  /** Inclusion proof of the stream's head entry (treeSize: the number of streams). */
  proof(stream: string): InclusionProof | undefined {
    const i = this.index.get(stream);
    return i === undefined ? undefined : this.tree.inclusionProof(i);
  }
}
