/**
 * Signs checkpoints of the global log: on a timer (when the log has grown since the last one) and on
 * demand, and proves an event's inclusion under one. The key is opened on first use (the API asks for it
 * at start-up, so that a broken key file stops the process there).
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../../clock';
import { EventStore } from '../../event-store/event-store.port';
import { comparePositions, formatPosition, parsePosition, Position } from '../../event-store/position';
import { ConsistencyProof } from '../consistency';
import { InclusionProof } from '../merkle';
import { StreamHead, StreamHeads } from '../stream-heads';
import { keyFingerprint, signCheckpoint, SignedCheckpoint } from '../signing';
import { CheckpointConfig } from './checkpoint-config';
import { insertSignedCheckpoint, latestSignedCheckpoint } from './checkpoint-store';
import { CheckpointError } from './checkpoint-error';
import { noteVerifierKey, signCheckpointNote } from './checkpoint-notes';
import { recordKey } from './key-history';
import { LogHashes } from './log-hashes';
import { verifyAgainstLog } from './log-agreement';
import { openSigningKey } from './signing-key';

type Queryable = Pick<EntityManager, 'query'>;

export interface CoveringProof {
  checkpoint: SignedCheckpoint;
  proof: InclusionProof;
  /** The stream's head as the checkpoint signed it, and the proof of its entry under `headsRoot`. */
  head?: StreamHead;
  headProof?: InclusionProof;
}

interface Signed {
  signed: SignedCheckpoint;
  heads?: StreamHeads;
}

export { CheckpointError } from './checkpoint-error';
export type { CheckpointErrorCode } from './checkpoint-error';

export class CheckpointWriter {
  private key?: KeyObject;
  private timer?: NodeJS.Timeout;
  private signing: Promise<unknown> = Promise.resolve();
  private readonly log: LogHashes;
  /** The heads of the last checkpoint this process signed or checked, by its size. */
  private lastHeads?: { eventCount: number; heads: StreamHeads };

  constructor(
    private readonly store: EventStore,
    private readonly db: Queryable,
    private readonly clock: Clock,
    private readonly config: CheckpointConfig,
  ) {
    this.log = new LogHashes(store);
  }

  publicKey(): KeyObject {
    return createPublicKey(this.privateKey());
  }

  keyId(): string {
    return keyFingerprint(this.publicKey());
  }

  /** The C2SP note verifier key of the current key, under the log's origin. */
  verifierKey(): string {
    return noteVerifierKey(this.config.origin, this.privateKey());
  }

  get origin(): string {
    return this.config.origin;
  }

  /** The latest checkpoint under the current key, signing one first when the log has grown past it. */
  async checkpoint(): Promise<SignedCheckpoint> {
    return (await this.serialised(false)).signed;
  }

  private serialised(withHeads: boolean): Promise<Signed> {
    const run = this.signing.catch(() => undefined).then(() => this.signIfGrown(withHeads));
    this.signing = run;
    return run;
  }

  /**
   * The checkpoint of the log as it is (signed now when it has grown), the proof that the event at
   * `position` is one of its leaves, and the proof of `stream`'s head under its heads root.
   */
  async prove(stream: string, position: Position): Promise<CoveringProof> {
    let { signed: checkpoint, heads } = await this.serialised(true);
    // An event just appended may stay a moment above the log's visibility limit (the gap-safe read errs low).
    for (let tries = 0; comparePositions(parsePosition(checkpoint.position)!, position) < 0 && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      ({ signed: checkpoint, heads } = await this.serialised(true));
    }
    const index = this.log.indexOf(position);
    if (index === undefined || index >= checkpoint.eventCount)
      throw new CheckpointError('event-not-in-log', 'no event of the log is at that position');
    this.requireAgreement(checkpoint);
    return {
      checkpoint,
      proof: this.log.tree.inclusionProof(index, checkpoint.eventCount),
      head: heads?.head(stream),
      headProof: heads?.proof(stream),
    };
  }

  /** The proof that `second` extends `first`, both checked first against the log as this process read it. */
  async consistencyBetween(first: SignedCheckpoint, second: SignedCheckpoint): Promise<ConsistencyProof> {
    await this.log.catchUp();
    this.requireAgreement(first);
    this.requireAgreement(second);
    return this.log.tree.consistencyProof(first.eventCount, second.eventCount);
  }

  private requireAgreement(checkpoint: SignedCheckpoint): void {
    if (checkpoint.eventCount > this.log.size || this.log.tree.root(checkpoint.eventCount) !== checkpoint.merkleRoot) {
      throw new CheckpointError('log-disagrees-with-checkpoint', 'the log no longer hashes to the signed root');
    }
  }

  /** The checkpoint against the log as it is in the database now (see log-agreement.ts). */
  verifyAgainstLog(signed: SignedCheckpoint): Promise<{ signature: boolean; root: boolean }> {
    return verifyAgainstLog(this.store, signed, this.publicKey());
  }

  start(): void {
    if (this.config.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.checkpoint().catch(() => undefined), this.config.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.signing.catch(() => undefined);
  }

  private privateKey(): KeyObject {
    this.key ??= openSigningKey(this.config.signingKey);
    return this.key;
  }

  private async signIfGrown(withHeads: boolean): Promise<Signed> {
    const own = await latestSignedCheckpoint(this.db, this.keyId());
    const latest = await latestSignedCheckpoint(this.db);
    const count = await this.log.catchUp();
    // From here to the signature nothing is awaited: the tree and the heads are those of the first `count` events.
    const head = this.log.head();
    if (head === undefined) throw new CheckpointError('log-empty', 'the log holds no event to checkpoint');
    if (own !== undefined && own.headsRoot !== undefined && comparePositions(parsePosition(own.position)!, head) >= 0) {
      return { signed: own, heads: withHeads ? this.headsOf(own) : undefined };
    }
    this.requireIntact(latest);
    return this.signNow(count, head);
  }

  /**
   * Key rotation: signs a checkpoint of the log as it is that announces `next` (a `key` line in its note),
   * its note signed by the current key and the next, stored once under each; records the next key as
   * announced by it. The caller then switches the configured key (and restarts the service).
   */
  announce(next: KeyObject): Promise<SignedCheckpoint> {
    const run = this.signing
      .catch(() => undefined)
      .then(async () => {
        const latest = await latestSignedCheckpoint(this.db);
        const count = await this.log.catchUp();
        const head = this.log.head();
        if (head === undefined) throw new CheckpointError('log-empty', 'the log holds no event to checkpoint');
        this.requireIntact(latest);
        const announced = await this.signNow(count, head, next);
        await recordKey(this.db, this.config.origin, createPublicKey(next), count);
        return announced.signed;
      });
    this.signing = run;
    return run;
  }

  private requireIntact(latest: SignedCheckpoint | undefined): void {
    // Never sign over rows whose content no longer matches their hashes, nor a log that does not extend the last
    // checkpoint (a deleted or rewritten event): that is tampering to report, not history to vouch for.
    if (this.log.firstBreak)
      throw new CheckpointError(
        'log-disagrees-with-checkpoint',
        `the log's chain is broken at ${this.log.firstBreak.stream} revision ${this.log.firstBreak.revision}`,
      );
    if (latest !== undefined) this.requireAgreement(latest);
  }

  /** Signs the first `count` events (nothing awaited before the signatures), stores and returns the checkpoint. */
  private async signNow(count: number, head: Position, next?: KeyObject): Promise<Signed> {
    const heads = this.log.streamHeads();
    const checkpoint = {
      position: formatPosition(head),
      eventCount: count,
      merkleRoot: this.log.tree.root(count),
      signedAt: this.clock.now().toISOString(),
      headsRoot: heads.root,
      streamCount: heads.count,
    };
    const keys = next ? [this.privateKey(), next] : [this.privateKey()];
    const note = signCheckpointNote(this.config.origin, checkpoint, keys, next && noteVerifierKey(this.config.origin, next));
    const signed = keys.map((key) => signCheckpoint(checkpoint, key));
    this.lastHeads = { eventCount: count, heads };
    await recordKey(this.db, this.config.origin, this.publicKey());
    for (const one of signed) await insertSignedCheckpoint(this.db, one, note);
    return { signed: signed[0], heads };
  }

  /** The heads of a checkpoint of the log as read now (signed by an earlier process when not cached). */
  private headsOf(checkpoint: SignedCheckpoint): StreamHeads {
    if (this.lastHeads?.eventCount === checkpoint.eventCount) return this.lastHeads.heads;
    const heads = this.log.streamHeads();
    if (this.log.size !== checkpoint.eventCount || heads.root !== checkpoint.headsRoot) {
      throw new CheckpointError('log-disagrees-with-checkpoint', "the streams' heads no longer hash to the signed heads root");
    }
    this.lastHeads = { eventCount: checkpoint.eventCount, heads };
    return heads;
  }
}
