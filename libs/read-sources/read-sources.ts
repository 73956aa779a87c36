/**
 * Where analysts' reads are answered: a PostgreSQL streaming replica when one is configured
 * (READ_REPLICA_URL), else the primary. A replica replays the primary's WAL, read models and their
 * checkpoints alike, so an answer read there states the replica's own `reflects` position. A caller that
 * must see its own write passes `minPosition`: the replica is used once its copy of the read model reflects
 * that position (waiting up to `maxWaitMs`), else the primary, which is waited for the same way; a read model
 * that reflects it nowhere by then is refused (ReadModelBehindError: 503 with Retry-After), never served stale.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { comparePositions, Position } from '../event-store/position';
import { loadCheckpoint } from '../projection/checkpoints';

export interface ReadSourceOptions {
  maxWaitMs: number;
  pollMs?: number;
}

export type Served = 'replica' | 'primary';

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
  ) {}

  /** The data source to read `readModel` from, and which it is. */
  async forReadModel(readModel: string, minPosition?: Position): Promise<{ dataSource: DataSource; served: Served }> {
    if (this.replica && (await this.reflects(this.replica, readModel, minPosition))) return { dataSource: this.replica, served: 'replica' };
    if (await this.reflects(this.primary, readModel, minPosition)) return { dataSource: this.primary, served: 'primary' };
    throw new ReadModelBehindError(readModel);
  }

  /**
   * True once the copy reflects `minPosition` (at once when none is asked), false when it does not within
   * the wait, or when the server cannot be asked (a replica that is down: the primary answers instead).
   */
  private async reflects(dataSource: DataSource, readModel: string, minPosition: Position | undefined): Promise<boolean> {
    if (minPosition === undefined) return true;
    const deadline = Date.now() + this.options.maxWaitMs;
    for (;;) {
      const checkpoint = await loadCheckpoint(dataSource, { name: readModel }).catch(() => undefined);
      if (checkpoint?.position && comparePositions(checkpoint.position, minPosition) >= 0) return true;
      if (Date.now() >= deadline) return false;
      await sleep(this.options.pollMs ?? 25);
    }
  }
}
