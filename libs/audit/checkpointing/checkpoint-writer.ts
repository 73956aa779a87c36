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
import { keyFingerprint, signCheckpoint, SignedCheckpoint, verifyCheckpoint } from '../signing';
import { CheckpointConfig } from './checkpoint-config';
import { insertSignedCheckpoint, latestSignedCheckpoint } from './checkpoint-store';
import { LogHashes } from './log-hashes';
import { openSigningKey } from './signing-key';

type Queryable = Pick<EntityManager, 'query'>;

export interface CoveringProof {
  checkpoint: SignedCheckpoint;
  proof: InclusionProof;
}

/** The log holds no event at the position asked about, or disagrees with what was signed. */
export class CheckpointError extends Error {
  constructor(readonly code: 'log-empty' | 'event-not-in-log' | 'log-disagrees-with-checkpoint', message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

export class CheckpointWriter {
  private key?: KeyObject;
  private timer?: NodeJS.Timeout;
  private signing: Promise<unknown> = Promise.resolve();
  private readonly log: LogHashes;

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

  /** The latest checkpoint under the current key, signing one first when the log has grown past it. */
  checkpoint(): Promise<SignedCheckpoint> {
    const run = this.signing.catch(() => undefined).then(() => this.signIfGrown());
    this.signing = run;
    return run;
  }

  /** A checkpoint reaching `position` and the proof that the event there is one of its leaves. */
  async prove(position: Position): Promise<CoveringProof> {
    let checkpoint = await latestSignedCheckpoint(this.db, this.keyId());
    if (checkpoint === undefined || comparePositions(parsePosition(checkpoint.position)!, position) < 0) checkpoint = await this.checkpoint();
    await this.log.catchUp();
    const index = this.log.indexOf(position);
    if (index === undefined || index >= checkpoint.eventCount) throw new CheckpointError('event-not-in-log', 'no event of the log is at that position');
    this.requireAgreement(checkpoint);
    return { checkpoint, proof: this.log.tree.inclusionProof(index, checkpoint.eventCount) };
  }

  /** RFC 9162 consistency proof that the tree of `second` events extends the tree of `first`. */
  async consistency(first: number, second: number): Promise<ConsistencyProof> {
    await this.log.catchUp();
    if (second > this.log.size) throw new CheckpointError('event-not-in-log', `the log holds ${this.log.size} events, not ${second}`);
    return this.log.tree.consistencyProof(first, second);
  }

  private requireAgreement(checkpoint: SignedCheckpoint): void {
    if (this.log.tree.root(checkpoint.eventCount) !== checkpoint.merkleRoot) {
      throw new CheckpointError('log-disagrees-with-checkpoint', 'the log no longer hashes to the signed root');
    }
  }

  /**
   * Re-reads the log from the database (no cache) and checks a checkpoint against it: its signature, and
   * that the first `eventCount` events still hash to its root. An insider who rewrote rows and recomputed
   * their chain fails here, unless they also hold the signing key.
   */
  async verifyAgainstLog(signed: SignedCheckpoint): Promise<{ signature: boolean; root: boolean }> {
    const fresh = new LogHashes(this.store);
    await fresh.catchUp();
    const position = parsePosition(signed.position)!;
    const covered = fresh.countUpTo(position);
    // Leaves are recomputed from content, so data changed in place fails the root; a stored hash or link
    // changed over intact content fails as a break inside the covered range.
    const brokenInside = fresh.firstBreak !== undefined && comparePositions(fresh.firstBreak.position, position) <= 0;
    const root = covered === signed.eventCount && !brokenInside && fresh.tree.root(covered) === signed.merkleRoot;
    return { signature: verifyCheckpoint(signed, this.publicKey()), root };
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

  private async signIfGrown(): Promise<SignedCheckpoint> {
    const count = await this.log.catchUp();
    const head = this.log.head();
    if (head === undefined) throw new CheckpointError('log-empty', 'the log holds no event to checkpoint');
    const latest = await latestSignedCheckpoint(this.db, this.keyId());
    if (latest !== undefined && comparePositions(parsePosition(latest.position)!, head) >= 0) return latest;
    // Never sign over rows whose content no longer matches their hashes: that is tampering to report.
    if (this.log.firstBreak) throw new CheckpointError('log-disagrees-with-checkpoint', `the log's chain is broken at ${this.log.firstBreak.stream} revision ${this.log.firstBreak.revision}`);
    const checkpoint = { position: formatPosition(head), eventCount: count, merkleRoot: this.log.tree.root(count), signedAt: this.clock.now().toISOString() };
    const signed = signCheckpoint(checkpoint, this.privateKey());
    await insertSignedCheckpoint(this.db, signed);
    return signed;
  }
}
