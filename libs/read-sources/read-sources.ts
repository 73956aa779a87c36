/**
 * Where analysts' and auditors' reads are answered: a PostgreSQL streaming replica when one is configured
 * (READ_REPLICA_URL), else the primary. A replica replays the primary's WAL, read models, their checkpoints
 * and the event log alike, so an answer read there states the replica's own `reflects` position. A caller
 * that must see its own write passes `minPosition`: the replica is used once its copy reflects that position
 * (waiting up to `maxWaitMs`), else the primary, which is waited for the same way; a position reflected
 * nowhere by then is refused (ReadModelBehindError: 503 with Retry-After), never served stale.
 *
 * A read model reflects a position when its checkpoint has reached it; the event log, when its visible head
 * (the gap-safe limit, libs/event-store/postgres/README.md) has: every event up to it is then readable there,
 * in a stream read or a page of the global log alike. Only reads go to the replica (it is read-only): appends,
 * consumer-group acknowledgements and anything else that writes stay on the primary.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store.port';
import { comparePositions, Position } from '../event-store/position';
import { loadCheckpoint } from '../projection/checkpoints';

export interface ReadSourceOptions {
  maxWaitMs: number;
  pollMs?: number;
}

export type Served = 'replica' | 'primary';

/** The event log on each server: the replica's is absent when the log is not in PostgreSQL (EVENTSTORE_URL). */
export interface LogSources {
  primary: EventStore;
  replica?: EventStore;
}

/**
 * A copy of the log to read from, and its visible head when chosen: what an answer read from it reflects
 * (not read, undefined, when there is no replica and no position to wait for).
 */
export interface LogSource {
  store: EventStore;
  served: Served;
  head: Position | undefined;
}

const FALL_BACK = { orFallBack: true };

export class ReadModelBehindError extends Error {
  constructor(readonly readModel: string) {
    super(`read model ${readModel} does not reflect the position asked for yet`);
    this.name = 'ReadModelBehindError';
  }
}

export class ReadSources {
  constructor(
    readonly primary: DataSource,
    readonly replica: DataSource | undefined,
    private readonly options: ReadSourceOptions,
    readonly log?: LogSources,
  ) {}

  /**
   * The copy of the event log to read from, and its head: the replica once its visible head reaches
   * `minPosition`, else the primary the same way. The head is read before the caller's read, so the events
   * read include everything up to it (a stream read or a page of the global log alike).
   */
  async forLog(minPosition?: Position): Promise<LogSource> {
    if (!this.log) throw new Error('ReadSources was opened without the event log');
    // One server and nothing to wait for: no head to read (the primary's own reads cost what they did).
    if (!this.log.replica && minPosition === undefined) return { store: this.log.primary, served: 'primary', head: undefined };
    const replica = this.log.replica && (await this.waitFor(() => this.log!.replica!.headPosition(), minPosition));
    if (replica) return { store: this.log.replica!, served: 'replica', head: replica.position };
    const primary = await this.waitFor(() => this.log!.primary.headPosition(), minPosition, { orFallBack: false });
    if (primary) return { store: this.log.primary, served: 'primary', head: primary.position };
    throw new ReadModelBehindError('event-log');
  }

  /** The replica's copy of the log for a catch-up read that goes on from the primary, if there is one. */
  get replicaLog(): EventStore | undefined {
    return this.log?.replica;
  }

  /** The data source to read `readModel` from, and which it is. */
  async forReadModel(readModel: string, minPosition?: Position): Promise<{ dataSource: DataSource; served: Served }> {
    if (this.replica && (await this.reflects(this.replica, readModel, minPosition))) return { dataSource: this.replica, served: 'replica' };
    if (await this.reflects(this.primary, readModel, minPosition, { orFallBack: false }))
      return { dataSource: this.primary, served: 'primary' };
    throw new ReadModelBehindError(readModel);
  }

  /**
   * True once the copy reflects `minPosition` (at once when none is asked), false when it does not within
   * the wait, or when the server cannot be asked (a replica that is down: the primary answers instead).
   */
  private async reflects(dataSource: DataSource, readModel: string, minPosition: Position | undefined, how = FALL_BACK): Promise<boolean> {
    if (minPosition === undefined) return true;
    const checkpoint = async () => (await loadCheckpoint(dataSource, { name: readModel }))?.position;
    return (await this.waitFor(checkpoint, minPosition, how)) !== undefined;
  }

  /**
   * Polls `reached` until it is at or past `minPosition` (any answer when none is asked) and returns it;
   * undefined when the wait runs out. A replica that cannot be asked gives way to the primary at once
   * (`orFallBack`); the primary's own failure is the caller's (an outage, not a read model behind).
   */
  private async waitFor(
    reached: () => Promise<Position | undefined>,
    minPosition: Position | undefined,
    { orFallBack } = FALL_BACK,
  ): Promise<{ position: Position | undefined } | undefined> {
    const deadline = Date.now() + this.options.maxWaitMs;
    for (;;) {
      let position: Position | undefined;
      try {
        position = await reached();
      } catch (error) {
        if (orFallBack) return undefined;
        throw error;
      }
      if (minPosition === undefined || (position && comparePositions(position, minPosition) >= 0)) return { position };
      if (Date.now() >= deadline) return undefined;
      await sleep(this.options.pollMs ?? 25);
    }
  }
}
