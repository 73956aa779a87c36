/**
 * Runs one projection: active in exactly one process at a time (a PostgreSQL session advisory lock; the
 * others stand by and take over when its connection dies), reading the log from its checkpoint and writing
 * each batch's read-model changes and the new checkpoint in one transaction. A poison event is retried,
 * then parked in projections.dead_letters, and the projection goes on (or stops, if so configured).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { Position } from '../event-store/position';
import { batches } from './batches';
import { CheckpointConflictError, loadCheckpoint, saveCheckpoint } from './checkpoints';
import { Projection } from './projection';

export interface RunnerOptions {
  batchSize?: number;
  maxAttempts?: number;
  stopOnPoison?: boolean;
  /** How often a standby process tries to take over. */
  standbyPollMs?: number;
  onError?: (error: unknown) => void;
}

export type RunnerStatus = 'starting' | 'standby' | 'active' | 'stopped' | 'failed';

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
      try {
        await lock.connect();
        const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [lockKey(this.projection)]);
        if (!locked) {
          this.status = 'standby';
          await sleep(this.options.standbyPollMs ?? 1000);
          continue;
        }
        this.status = 'active';
        await this.follow();
      } catch (error) {
        if (error instanceof PoisonStop) {
          this.status = 'failed';
          this.options.onError?.(error);
          return;
        }
        this.options.onError?.(error);
        if (!this.stopping) await sleep(1000);
      } finally {
        await lock.release().catch(() => undefined); // releasing the connection ends the session and its lock
      }
    }
  }

  private async follow(): Promise<void> {
    const checkpoint = await loadCheckpoint(this.dataSource.manager, this.projection);
    const subscription = this.store.subscribeToAll({
      fromPosition: checkpoint?.position ?? 'start',
      filter: { eventTypes: this.projection.handles },
    });
    this.closeSubscription = () => subscription.close();
    let after = checkpoint?.position;
    try {
      for await (const batch of batches(subscription, this.options.batchSize ?? 500)) {
        if (this.stopping) break;
        await this.applyBatch(batch, after);
        after = batch[batch.length - 1].position;
      }
    } finally {
      await subscription.close();
    }
  }

  private async applyBatch(batch: RecordedEvent[], after: Position | undefined): Promise<void> {
    try {
      await this.dataSource.transaction((tx) => this.applyAll(tx, batch, after));
    } catch (error) {
      if (error instanceof CheckpointConflictError || batch.length === 0) throw error;
      // Find the poison: one event per transaction, each retried, the failing one parked.
      let previous = after;
      for (const event of batch) {
        await this.applyOneOrPark(event, previous);
        previous = event.position;
      }
    }
  }

  private async applyAll(tx: EntityManager, events: RecordedEvent[], after: Position | undefined): Promise<void> {
    for (const event of events) await this.projection.apply(event, tx);
    await saveCheckpoint(tx, this.projection, after, events[events.length - 1].position, events.length);
  }

  private async applyOneOrPark(event: RecordedEvent, after: Position | undefined): Promise<void> {
    const attempts = this.options.maxAttempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.dataSource.transaction((tx) => this.applyAll(tx, [event], after));
        return;
      } catch (error) {
        if (error instanceof CheckpointConflictError) throw error;
        lastError = error;
      }
    }
    if (this.options.stopOnPoison) throw new PoisonStop(this.projection.name, event, lastError);
    await this.dataSource.transaction(async (tx) => {
      await park(tx, this.projection, event, lastError, attempts);
      await saveCheckpoint(tx, this.projection, after, event.position, 0);
    });
  }
}

export function lockKey(projection: Projection): string {
  return `family-ledger:projection:${projection.name}`;
}

class PoisonStop extends Error {
  constructor(projection: string, event: RecordedEvent, cause: unknown) {
    super(`projection ${projection} stopped at poison event ${event.id} (${event.type}): ${String((cause as Error)?.message ?? cause)}`);
  }
}

async function park(tx: EntityManager, projection: Projection, event: RecordedEvent, error: unknown, attempts: number): Promise<void> {
  await tx.query(
    `INSERT INTO projections.dead_letters
       (projection, event_id, event_type, stream_id, commit_position, prepare_position, error, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (projection, event_id) DO UPDATE SET error = EXCLUDED.error, attempts = projections.dead_letters.attempts + EXCLUDED.attempts,
       parked_at = now(), retried_at = NULL`,
    [projection.name, event.id, event.type, event.stream, event.position.commit.toString(), event.position.prepare.toString(),
      String((error as Error)?.message ?? error).slice(0, 2000), attempts],
  );
}
