/**
 * The end of a blue/green rebuild (rebuild.ts): one short transaction under the active checkpoint's row lock
 * applies the events that arrived since the copy's position, moves the checkpoint to the new copy and re-points
 * the reporting views; the old copy is dropped after it.
 */
import { DataSource, EntityManager } from 'typeorm';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { Position } from '../event-store/position';
import { messageOf } from './batch-applier';
import { dropCopy, pointReportingViews } from './copies';
import { park } from './dead-letters';
import { Projection } from './projection';
import { readPage, RebuildOptions } from './rebuild-pages';

/** The swap: short, and under the active checkpoint's row lock, so no batch of the old copy commits across it. */
export async function swap(
  projection: Projection,
  store: EventStore,
  dataSource: DataSource,
  schema: string,
  after: Position | undefined,
  options: RebuildOptions,
): Promise<{ caughtUp: number; position?: Position }> {
  const old = await dataSource.transaction(async (tx) => {
    const [active]: { active_schema: string | null; commit_position: string }[] = await tx.query(
      `SELECT active_schema, commit_position FROM projections.checkpoints WHERE projection = $1 FOR UPDATE`,
      [projection.name],
    );
    let caughtUp = 0;
    let last: RecordedEvent | undefined;
    for (
      let page = await readPage(store, projection, after, options);
      page.length > 0;
      page = await readPage(store, projection, after, options)
    ) {
      for (const event of page) await applyInSwap(projection, tx, schema, event);
      caughtUp += page.length;
      last = page[page.length - 1];
      after = last.position;
    }
    const [rebuild] = await tx.query(`SELECT events_applied, last_recorded_at FROM projections.rebuilds WHERE projection = $1`, [
      projection.name,
    ]);
    await tx.query(
      `INSERT INTO projections.checkpoints (projection, version, active_schema, commit_position, prepare_position, events_applied, last_recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, active_schema = EXCLUDED.active_schema,
         commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position,
         events_applied = EXCLUDED.events_applied, last_recorded_at = EXCLUDED.last_recorded_at, updated_at = now()`,
      [
        projection.name,
        projection.version,
        schema,
        (after?.commit ?? -1n).toString(),
        (after?.prepare ?? -1n).toString(),
        Number(rebuild.events_applied) + caughtUp,
        last?.recordedAt ?? rebuild.last_recorded_at,
      ],
    );
    await tx.query(`DELETE FROM projections.rebuilds WHERE projection = $1`, [projection.name]);
    await pointReportingViews(tx, projection, schema);
    if (active?.active_schema)
      await tx.query(`DELETE FROM projections.dead_letters WHERE projection = $1 AND copy_schema = $2`, [
        projection.name,
        active.active_schema,
      ]);
    return { schema: active?.active_schema ?? undefined, caughtUp };
  });
  // Outside the swap: dropping waits for readers still on the old copy, and must not hold the checkpoint lock meanwhile.
  if (old.schema && old.schema !== schema) await dropCopy(dataSource, old.schema);
  return { caughtUp: old.caughtUp, position: after };
}

/** In the swap a poison event cannot be retried apart (one transaction): it is parked by a savepoint. */
async function applyInSwap(projection: Projection, tx: EntityManager, schema: string, event: RecordedEvent): Promise<void> {
  await tx.query('SAVEPOINT swap_event');
  try {
    await projection.applyBatch([event], tx, schema);
    await tx.query('RELEASE SAVEPOINT swap_event');
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT swap_event');
    await park(tx, projection.name, schema, event, messageOf(error), 1);
  }
}
