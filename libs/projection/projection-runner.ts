/**
 * Runs one projection: active in exactly one process at a time (a PostgreSQL session advisory lock; the
 * others stand by and take over when its connection dies), reading the log from its checkpoint and writing
 * each batch's read-model changes and the new checkpoint in one transaction (see BatchApplier for poison
 * events). When the projection's version differs from its active copy's, it first rebuilds beside it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { CheckpointReached, EventStore, RecordedEvent } from '../event-store/event-store.port';
import { isAfter, Position } from '../event-store/position';
import { BatchApplier, CopyPosition, PoisonStop } from './batch-applier';
import { batches } from './batches';
import { CheckpointConflictError, loadCheckpoint, lockCheckpoint, saveCheckpoint } from './checkpoints';
import { ensureActiveCopy } from './copies';
import { Projection } from './projection';
import { rebuildProjection, RebuildInProgressError } from './rebuild';

export interface RunnerOptions {
  batchSize?: number;
  maxAttempts?: number;
  stopOnPoison?: boolean;
  /** How often a standby process tries to take over. */
  standbyPollMs?: number;
  onError?: (error: unknown) => void;
}

export type RunnerStatus = 'starting' | 'standby' | 'rebuilding' | 'active' | 'stopped' | 'failed';

export class ProjectionRunner {
  status: RunnerStatus = 'starting';
  private stopping = false;
  private closeSubscription?: () => Promise<void>;
  private running?: Promise<void>;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: RunnerOptions = {},
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.closeSubscription?.();
    await this.running;
    this.status = 'stopped';
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const lock = this.dataSource.createQueryRunner();
      let pause = 0;
      let locked = false;
      try {
        await lock.connect();
        [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [lockKey(this.projection)]);
        if (!locked) {
          this.status = 'standby';
          pause = this.options.standbyPollMs ?? 1000;
        } else if (await this.upToVersion()) {
          this.status = 'active';
          await this.follow();
        } else {
          pause = this.options.standbyPollMs ?? 1000; // a rebuild run elsewhere is filling the new copy
        }
      } catch (error) {
        if (error instanceof PoisonStop) {
          this.status = 'failed';
          this.options.onError?.(error);
          return;
        }
        // A conflict means a rebuild swapped the copy (or a lock was lost): start over from the checkpoint at once.
        if (!(error instanceof CheckpointConflictError)) {
          this.options.onError?.(error);
          pause = 1000;
        }
      } finally {
        // The connection goes back to the pool, its session alive: unlock explicitly (a dead process's session ends anyway).
        if (locked)
          await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey(this.projection)]).catch(() => undefined);
        await lock.release().catch(() => undefined);
      }
      if (pause > 0 && !this.stopping) await sleep(pause);
    }
  }

  /** Makes sure the active copy exists and was written by this version; rebuilds it otherwise. */
  private async upToVersion(): Promise<boolean> {
    await this.dataSource.transaction((tx) => ensureActiveCopy(tx, this.projection));
    const checkpoint = await loadCheckpoint(this.dataSource.manager, this.projection);
    if (checkpoint?.version === this.projection.version) return true;
    this.status = 'rebuilding';
    try {
      await rebuildProjection(this.projection, this.store, this.dataSource, this.options);
      return true;
    } catch (error) {
      if (error instanceof RebuildInProgressError) return false;
      throw error;
    }
  }

  private async follow(): Promise<void> {
    const checkpoint = await loadCheckpoint(this.dataSource.manager, this.projection);
    if (!checkpoint) throw new CheckpointConflictError(this.projection.name);
    // Reports of how far the log was read come in line with the events (see batches' `inject`), so a
    // report is only acted on once every event before it is applied.
    let report: ((item: RecordedEvent | CheckpointReached) => void) | undefined;
    const subscription = this.store.subscribeToAll({
      fromPosition: checkpoint.position ?? 'start',
      filter: { eventTypes: this.projection.handles },
      onCheckpoint: (reached) => report?.(reached),
    });
    this.closeSubscription = () => subscription.close();
    if (this.stopping) await subscription.close(); // stop() came while this runner was starting: it saw no subscription to close
    const applier = new BatchApplier(this.projection, this.dataSource, activeCopy(this.projection.name, checkpoint.schema), this.options);
    let after = checkpoint.position;
    try {
      const source = batches<RecordedEvent | CheckpointReached>(subscription, this.options.batchSize ?? 500, (push) => (report = push));
      for await (const batch of source) {
        if (this.stopping) break;
        after = await applier.apply(batch.filter(isEvent), after);
        const last = batch[batch.length - 1];
        if (!isEvent(last) && (!after || isAfter(last.position, after))) after = await applier.skipTo(last, after);
      }
    } finally {
      await subscription.close();
    }
  }
}

/** The active copy's position: the checkpoint row, locked at the start of each batch. */
function activeCopy(name: string, schema: string): CopyPosition {
  return {
    schema,
    begin: (tx: EntityManager, after: Position | undefined) => lockCheckpoint(tx, name, schema, after),
    advance: (tx: EntityManager, after: Position | undefined, to: Pick<RecordedEvent, 'position' | 'recordedAt'>, applied: number) =>
      saveCheckpoint(tx, name, schema, after, to.position, applied, to.recordedAt),
  };
}

const isEvent = (item: RecordedEvent | CheckpointReached): item is RecordedEvent => 'id' in item;

export function lockKey(projection: { name: string }): string {
  return `family-ledger:projection:${projection.name}`;
}
