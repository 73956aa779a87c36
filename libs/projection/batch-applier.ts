/**
 * Applies a batch of events to one copy of a read model in one transaction with the copy's position. When
 * the batch fails, it goes one event per transaction: each retried, the failing one parked in
 * projections.dead_letters (with the error and its position) and skipped, or the projection stops.
 */
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { spanContextsOf } from '@libs/observability/trace-context';
import { inSpan } from '@libs/observability/tracing';
import { CheckpointReached, RecordedEvent } from '../event-store/event-store.port';
import { formatPosition, Position } from '../event-store/position';
import { CheckpointConflictError } from './checkpoints';
import { park } from './dead-letters';
import { withPreparedStatements } from './prepared';
import { Projection } from './projection';
import { isTransientDatabaseError } from '../database/unavailable';

/** Where a copy's position is kept: the checkpoint of the active copy, or the row of a rebuild. */
export interface CopyPosition {
  readonly schema: string;
  /** Locks the position for the transaction and checks it is still `after`; throws CheckpointConflictError. */
  begin(tx: EntityManager, after: Position | undefined): Promise<void>;
  /** `to` is the last event applied, or the position the log was read up to when skipping (`applied` 0). */
  advance(
    tx: EntityManager,
    after: Position | undefined,
    to: Pick<RecordedEvent, 'position' | 'recordedAt'>,
    applied: number,
  ): Promise<void>;
}

export interface PoisonOptions {
  maxAttempts?: number;
  stopOnPoison?: boolean;
}

export class PoisonStop extends Error {
  constructor(projection: string, event: RecordedEvent, cause: unknown) {
    const trace = typeof event.metadata.traceparent === 'string' ? ` (traceparent ${event.metadata.traceparent})` : '';
    super(`projection ${projection} stopped at poison event ${event.id} (${event.type}): ${messageOf(cause)}${trace}`);
    this.name = 'PoisonStop';
  }
}

export class BatchApplier {
  private readonly logger = new Logger('projector');

  constructor(
    private readonly projection: Projection,
    private readonly dataSource: DataSource,
    private readonly target: CopyPosition,
    private readonly options: PoisonOptions = {},
  ) {}

  /** Applies `batch` (in log order, all after `after`); returns the position of its last event. */
  async apply(batch: RecordedEvent[], after: Position | undefined): Promise<Position | undefined> {
    if (batch.length === 0) return after;
    // One span per batch, linked to the traces of the commands whose events it folds.
    const links = spanContextsOf(batch.map((event) => event.metadata)).map((context) => ({ context }));
    const attributes = { 'projection.name': this.projection.name, 'projection.events': batch.length };
    return inSpan('projection.batch', { attributes, links }, () => this.applyInTransactions(batch, after));
  }

  private async applyInTransactions(batch: RecordedEvent[], after: Position | undefined): Promise<Position | undefined> {
    try {
      await this.dataSource.transaction((tx) => this.applyAll(tx, batch, after));
    } catch (error) {
      if (error instanceof CheckpointConflictError) throw error;
      let previous = after;
      for (const event of batch) {
        await this.applyOneOrPark(event, previous);
        previous = event.position;
      }
    }
    return batch[batch.length - 1].position;
  }

  /**
   * Moves the position over events the projection does not handle (the subscription read the log up to
   * `reached`), so what the read model reflects keeps up with the log head. Nothing else changes.
   */
  async skipTo(reached: CheckpointReached, after: Position | undefined): Promise<Position> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      await this.target.begin(tx, after);
      await this.target.advance(tx, after, reached, 0);
    });
    return reached.position;
  }

  private async applyAll(tx: EntityManager, events: RecordedEvent[], after: Position | undefined): Promise<void> {
    // Not waiting for the WAL flush is safe here: a crash can lose only whole recent batches together with their
    // checkpoint, and those are applied again from the log. The event store's own appends keep their setting.
    await tx.query('SET LOCAL synchronous_commit = off');
    await this.target.begin(tx, after);
    const prepared = await withPreparedStatements(tx);
    await this.projection.applyBatch(events, prepared, this.target.schema);
    await this.target.advance(tx, after, events[events.length - 1], events.length);
  }

  private async applyOneOrPark(event: RecordedEvent, after: Position | undefined): Promise<void> {
    const attempts = this.options.maxAttempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.dataSource.transaction((tx) => this.applyAll(tx, [event], after));
        return;
      } catch (error) {
        // Not the event's fault: the runner tries again after its pause, the checkpoint where it was.
        if (error instanceof CheckpointConflictError || isTransientDatabaseError(error)) throw error;
        lastError = error;
      }
    }
    if (this.options.stopOnPoison) throw new PoisonStop(this.projection.name, event, lastError);
    await this.dataSource.transaction(async (tx) => {
      await this.target.begin(tx, after);
      await park(tx, this.projection.name, this.target.schema, event, messageOf(lastError), attempts);
      await this.target.advance(tx, after, event, 0);
    });
    const trace = typeof event.metadata.traceparent === 'string' ? `, traceparent ${event.metadata.traceparent}` : '';
    // The error's name only: its message may quote the event's data.
    this.logger.warn(
      `projection ${this.projection.name} parked event ${event.id} (${event.type}) at ${formatPosition(event.position)}` +
        ` after ${attempts} attempts: ${(lastError as Error)?.name ?? 'error'}${trace}`,
    );
  }
}

export function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 2000);
}
