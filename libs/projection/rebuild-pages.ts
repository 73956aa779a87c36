/**
 * What a rebuild reads (the log's pages of its read models' types) and its options: shared by the rebuild
 * (rebuild.ts) and the swap that ends it (swap.ts), which reads the last pages under its lock.
 */
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { Position } from '../event-store/position';
import { PoisonOptions } from './batch-applier';
import { Projection } from './projection';
import { FoldBehindOptions } from './rebuild-behind';

export interface RebuildOptions extends PoisonOptions, FoldBehindOptions {
  batchSize?: number;
  /** Called after each batch with the events applied so far. */
  onProgress?: (applied: number) => void;
}

/**
 * The log's pages of the projection's types, each read while the one before is being applied: reading and
 * writing take about as long as each other, so overlapping them nearly halves a rebuild.
 */
export async function* rebuildPages(
  store: EventStore,
  projection: Pick<Projection, 'handles'>,
  after: Position | undefined,
  options: Pick<RebuildOptions, 'batchSize'>,
): AsyncGenerator<RecordedEvent[]> {
  let next = readPage(store, projection, after, options);
  try {
    for (let page = await next; page.length > 0; page = await next) {
      next = readPage(store, projection, page[page.length - 1].position, options);
      yield page;
    }
  } finally {
    next.catch(() => undefined); // a read still running when the applier failed: its outcome no longer matters
  }
}

export function readPage(
  store: EventStore,
  projection: Pick<Projection, 'handles'>,
  after: Position | undefined,
  options: Pick<RebuildOptions, 'batchSize'>,
): Promise<RecordedEvent[]> {
  return store.readAll({ fromPosition: after ?? 'start', filter: { eventTypes: projection.handles }, maxCount: options.batchSize ?? 1000 });
}
