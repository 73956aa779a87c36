/**
 * What an operator sees of each projection, from the database alone (so any process can answer, wherever
 * the projector runs): whether some process holds its lock, the active copy's version and checkpoint, its
 * lag behind the log, a rebuild in progress, and the parked events.
 */
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store.port';
import { formatPosition, position } from '../event-store/position';
import { listParked, ParkedEvent } from './dead-letters';
import { projectionLags } from './lag';
import { Projection } from './projection';
import { lockKey } from './projection-runner';

export interface ProjectionStatus {
  name: string;
  /** `running`: a projector holds its lock; `rebuilding`: a rebuild holds the rebuild lock; `stopped`: neither. */
  status: 'running' | 'rebuilding' | 'stopped';
  version: number;
  activeVersion: number | null;
  copy: string | null;
  checkpoint: string | null;
  checkpointRecordedAt: string | null;
  eventsApplied: number;
  lag: { events: number; seconds: number };
  rebuild: { version: number; copy: string; checkpoint: string | null; eventsApplied: number; startedAt: string } | null;
  parked: ParkedEvent[];
}

/** Whether some session holds the advisory lock with this key (pg_locks shows a bigint key as two oids). */
async function lockHeld(dataSource: DataSource, key: string): Promise<boolean> {
  const [{ held }] = await dataSource.query(
    `SELECT EXISTS (
       SELECT 1 FROM pg_locks l, (SELECT hashtextextended($1, 0) AS k) h
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::text::bigint = (h.k >> 32) & 4294967295 AND l.objid::text::bigint = h.k & 4294967295) AS held`,
    [key],
  );
  return held;
}

export async function projectionStatuses(
  projections: readonly Projection[],
  store: EventStore,
  dataSource: DataSource,
): Promise<ProjectionStatus[]> {
  const lags = await projectionLags(projections, store, dataSource);
  return Promise.all(
    projections.map(async (projection, i) => {
      const [checkpoint] = await dataSource.query(
        `SELECT version, active_schema, commit_position, prepare_position, events_applied, last_recorded_at FROM projections.checkpoints WHERE projection = $1`,
        [projection.name],
      );
      const [rebuild] = await dataSource.query(
        `SELECT version, copy_schema, commit_position, prepare_position, events_applied, started_at FROM projections.rebuilds WHERE projection = $1`,
        [projection.name],
      );
      const running = await lockHeld(dataSource, lockKey(projection));
      const rebuilding = await lockHeld(dataSource, `family-ledger:rebuild:${projection.name}`);
      return {
        name: projection.name,
        status: rebuilding ? 'rebuilding' : running ? 'running' : 'stopped',
        version: projection.version,
        activeVersion: checkpoint?.version ?? null,
        copy: checkpoint?.active_schema ?? null,
        checkpoint: checkpoint ? positionText(checkpoint.commit_position, checkpoint.prepare_position) : null,
        checkpointRecordedAt: checkpoint?.last_recorded_at ? new Date(checkpoint.last_recorded_at).toISOString() : null,
        eventsApplied: Number(checkpoint?.events_applied ?? 0),
        lag: { events: lags[i].eventsBehind, seconds: lags[i].secondsBehind },
        rebuild: rebuild
          ? {
              version: rebuild.version,
              copy: rebuild.copy_schema,
              checkpoint: positionText(rebuild.commit_position, rebuild.prepare_position),
              eventsApplied: Number(rebuild.events_applied),
              startedAt: new Date(rebuild.started_at).toISOString(),
            }
          : null,
        parked: checkpoint ? await listParked(dataSource, projection.name, checkpoint.active_schema) : [],
      } satisfies ProjectionStatus;
    }),
  );
}

function positionText(commit: string, prepare: string): string | null {
  return BigInt(commit) < 0n ? null : formatPosition(position(BigInt(commit), BigInt(prepare)));
}
