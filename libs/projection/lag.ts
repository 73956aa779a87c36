import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store.port';
import { formatPosition } from '../event-store/position';
import { loadCheckpoint } from './checkpoints';
import { Projection } from './projection';

export interface ProjectionLag {
  projection: string;
  version: number;
  checkpoint?: string;
  /**
   * Events of the types it handles that it has not applied yet, counted up to `LAG_COUNT_LIMIT`: every one
   * committed, including those an open older transaction still hides from the projector (it is behind on
   * them too, and a lag of 0 must mean the read model reflects every append acknowledged so far).
   */
  eventsBehind: number;
  /** True when there are at least `LAG_COUNT_LIMIT` such events (the count stopped there). */
  eventsBehindAtLeast: boolean;
  /** Age of the oldest event it has not applied yet; 0 when caught up. */
  secondsBehind: number;
}

/** Kept small: /health and /metrics read this many events per projection at most, on every call. */
export const LAG_COUNT_LIMIT = 1_000;

/**
 * How far each projection is behind the log, read from its stored checkpoint, so any process (the API's
 * /health as well as the projector) can tell, wherever the projector runs.
 */
export async function projectionLags(
  projections: readonly Projection[],
  store: EventStore,
  dataSource: DataSource,
  now: Date = new Date(),
): Promise<ProjectionLag[]> {
  return Promise.all(
    projections.map(async (projection) => {
      const checkpoint = await loadCheckpoint(dataSource.manager, projection);
      const pending = await store.readAll({
        fromPosition: checkpoint?.position ?? 'start',
        filter: { eventTypes: projection.handles },
        maxCount: LAG_COUNT_LIMIT,
        includeHeldBack: true,
      });
      const oldest = pending[0];
      return {
        projection: projection.name,
        version: projection.version,
        checkpoint: checkpoint?.position && formatPosition(checkpoint.position),
        eventsBehind: pending.length,
        eventsBehindAtLeast: pending.length === LAG_COUNT_LIMIT,
        secondsBehind: oldest ? Math.max(0, (now.getTime() - Date.parse(oldest.recordedAt)) / 1000) : 0,
      };
    }),
  );
}
