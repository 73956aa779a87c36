/**
 * The tree pass of whole-log verification: the Merkle tree rebuilt from the log's stored hashes, in log
 * order, and every signed checkpoint's root and position compared as the tree reaches its size. The chains
 * alone miss an event rewritten with its chain recomputed (every link holds) and a stream's last event
 * deleted (nothing links to it); the signed roots do not: the rewritten hash is another leaf, the deleted
 * one leaves a tree of other leaves at that size.
 */
import { KeyObject } from 'node:crypto';
import { SignedCheckpoint, verifyCheckpoint } from '../signing';
import { StreamHeads } from '../stream-heads';
import { MerkleTree } from '../tree/merkle-tree';

export type CheckpointFailure = 'bad-signature' | 'unknown-key' | 'root-mismatch' | 'position-mismatch' | 'heads-mismatch' | 'beyond-log';

/** A checkpoint the log no longer matches, with the last one before it that still did. */
export interface CheckpointBreak {
  checkpoint: SignedCheckpoint;
  reason: CheckpointFailure;
  /** The last checkpoint (smaller tree) the log still matches: the change lies after its size. */
  lastGood: SignedCheckpoint | null;
  /** The log's root at the checkpoint's size, when the log reaches it. */
  logRoot: string | null;
}

export interface CheckpointPassResult {
  events: number;
  checkpoints: number;
  matched: number;
  firstBreak?: CheckpointBreak;
}

export class CheckpointPass {
  private readonly tree = new MerkleTree();
  private readonly pending: SignedCheckpoint[];
  private readonly keys: ReadonlyMap<string, KeyObject>;
  private matched = 0;
  private failures = 0;
  private lastGood: SignedCheckpoint | null = null;
  private firstBreak?: CheckpointBreak;
  private lastPosition?: string;
  /** Each stream's last event read so far (revision, hash), for the heads the largest checkpoint signed. */
  private readonly heads = new Map<string, [string, string]>();
  private readonly headsAt?: number;
  private headsRoot?: { size: number; root: string };

  /** `keys`: the checkpoint-signing keys the verifier trusts, by key id (keyFingerprint). */
  constructor(checkpoints: readonly SignedCheckpoint[], keys: ReadonlyMap<string, KeyObject>) {
    this.pending = [...checkpoints].sort((a, b) => a.eventCount - b.eventCount);
    this.keys = keys;
    // A v1 event's hash binds neither its stream nor its revision: a v1 stream renamed whole keeps every leaf,
    // but not the signed heads. Renames stay in the log, so the heads of the largest checkpoint are enough.
    this.headsAt = this.pending.filter((c) => c.headsRoot !== undefined).at(-1)?.eventCount;
    while (this.pending[0]?.eventCount === 0) this.check(this.pending.shift()!);
  }

  get events(): number {
    return this.tree.size;
  }

  /** The next event of the log, in log order: its position (text form), stored hash (hex), stream and revision. */
  add(position: string, hash: string, stream: string, revision: string): void {
    this.tree.appendEventHash(hash);
    this.lastPosition = position;
    if (this.headsAt !== undefined && this.tree.size <= this.headsAt) this.heads.set(stream, [revision, hash]);
    while (this.pending[0]?.eventCount === this.tree.size) this.check(this.pending.shift()!);
  }

  /** Checkpoints larger than the log are a break too: the log lost events they covered. */
  finish(): CheckpointPassResult {
    for (const checkpoint of this.pending.splice(0)) this.record(checkpoint, 'beyond-log', null);
    return {
      events: this.tree.size,
      checkpoints: this.matched + this.failures,
      matched: this.matched,
      ...(this.firstBreak && { firstBreak: this.firstBreak }),
    };
  }

  private check(checkpoint: SignedCheckpoint): void {
    const logRoot = this.tree.root(checkpoint.eventCount);
    const key = this.keys.get(checkpoint.keyId);
    if (key === undefined) return this.record(checkpoint, 'unknown-key', logRoot);
    if (!verifyCheckpoint(checkpoint, key)) return this.record(checkpoint, 'bad-signature', logRoot);
    if (logRoot !== checkpoint.merkleRoot) return this.record(checkpoint, 'root-mismatch', logRoot);
    if (checkpoint.eventCount > 0 && checkpoint.position !== this.lastPosition)
      return this.record(checkpoint, 'position-mismatch', logRoot);
    if (checkpoint.eventCount === this.headsAt && checkpoint.headsRoot !== this.headsRootNow())
      return this.record(checkpoint, 'heads-mismatch', logRoot);
    this.matched++;
    this.lastGood = checkpoint;
  }

  private headsRootNow(): string {
    if (this.headsRoot?.size !== this.tree.size) {
      const heads = new StreamHeads([...this.heads].map(([stream, [revision, hash]]) => [stream, { revision: BigInt(revision), hash }]));
      this.headsRoot = { size: this.tree.size, root: heads.root };
    }
    return this.headsRoot.root;
  }

  private record(checkpoint: SignedCheckpoint, reason: CheckpointFailure, logRoot: string | null): void {
    this.failures++;
    this.firstBreak ??= { checkpoint, reason, lastGood: this.lastGood, logRoot };
  }
}

/** One line for the first break, in the words an auditor needs. */
export function describeCheckpointBreak({ checkpoint, reason, lastGood, logRoot }: CheckpointBreak): string {
  const which = `checkpoint of ${checkpoint.eventCount} events signed ${checkpoint.signedAt} (key ${checkpoint.keyId.slice(0, 16)})`;
  const since = lastGood
    ? `; the log still matches the checkpoint of ${lastGood.eventCount} events, so the change lies after event ${lastGood.eventCount}`
    : '';
  switch (reason) {
    case 'unknown-key':
      return `${which} is signed by a key not among those trusted`;
    case 'bad-signature':
      return `${which} has a signature that does not verify`;
    case 'root-mismatch':
      return `${which}: the log's first ${checkpoint.eventCount} events hash to ${logRoot}, not the signed ${checkpoint.merkleRoot}${since}`;
    case 'position-mismatch':
      return `${which}: its last event is no longer at position ${checkpoint.position}${since}`;
    case 'heads-mismatch':
      return `${which}: the streams' last events no longer hash to its signed heads root (a stream renamed or moved)${since}`;
    case 'beyond-log':
      return `${which}: the log now holds fewer events than it covered${since}`;
  }
}
