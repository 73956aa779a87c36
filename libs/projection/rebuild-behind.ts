/**
 * The rebuild of a bulk-written projection: a single reader folding the whole log into an empty copy needs no
 * per-batch transaction nor guarded upsert per batch. Its batches are folded into a write-behind (memory) and
 * written every `flushRows` held rows, in one short transaction with the rebuild's position (so an interrupted
 * rebuild resumes from the last flush); the next window folds while one is written. A batch that throws is handed to the ordinary BatchApplier after a
 * flush, which retries it event by event and parks the poison one, exactly as before.
 */
import { DataSource } from 'typeorm';
import { RecordedEvent } from '../event-store/event-store.port';
import { Position } from '../event-store/position';
import { BatchApplier, CopyPosition } from './batch-applier';
import { Projection } from './projection';
import { WriteBehind } from './write-behind';
import { writeWindow } from './write-window';

export interface FoldBehindOptions {
  /** Rows held in memory before they are written (changed rows and summed count rows); bounds the RSS. */
  flushRows?: number;
  onProgress?: (applied: number) => void;
}

export async function foldBehind(
  projection: Projection,
  dataSource: DataSource,
  target: CopyPosition,
  pages: AsyncIterable<RecordedEvent[]>,
  from: { after: Position | undefined; applied: number },
  options: FoldBehindOptions & { applier: BatchApplier },
): Promise<{ after: Position | undefined; applied: number }> {
  const behind = new WriteBehind(
    (table, keyColumn, keys) =>
      dataSource.query(`SELECT t.* FROM unnest($1::text[]) AS k(key) JOIN ${table} AS t ON t.${keyColumn} = k.key`, [keys]),
    from.after === undefined, // a resumed rebuild's copy holds rows this write-behind never saw
  );
  let { after: flushed, applied } = from;
  let last: RecordedEvent | undefined;
  let held = 0;
  // One flush at a time, in log order, while the fold goes on into the next window (pipelined): a look-up that
  // needs the table waits for the flush's commit (write-behind.ts `writing`).
  let inFlight: Promise<void> = Promise.resolve();
  const startFlush = async () => {
    await inFlight;
    if (!last) return;
    const [to, count, window] = [last, held, behind.detach()];
    [last, held] = [undefined, 0];
    inFlight = dataSource
      .transaction(async (tx) => {
        await tx.query('SET LOCAL synchronous_commit = off'); // as the applier: a lost flush is folded again from the log
        await target.begin(tx, flushed);
        await writeWindow(tx, window);
        await target.advance(tx, flushed, to, count);
      })
      .then(() => void (flushed = to.position));
    inFlight.catch(() => undefined); // awaited by the next flush or at the end; not an unhandled rejection meanwhile
    behind.writing(window, inFlight);
  };
  const flush = async () => {
    await startFlush();
    await inFlight;
  };
  try {
    await foldPages();
  } finally {
    await inFlight.catch(() => undefined); // a failed fold leaves no flush behind it to race a resumed rebuild
  }
  await flush();
  return { after: flushed, applied };

  async function foldPages(): Promise<void> {
    for await (const page of pages) {
      try {
        await projection.applyBatch(page, behind.transaction(), target.schema);
      } catch {
        behind.discardBatch();
        await flush();
        behind.distrustWritten();
        flushed = await options.applier.apply(page, flushed);
        options.onProgress?.((applied += page.length));
        continue;
      }
      await behind.commitBatch();
      [last, held] = [page[page.length - 1], held + page.length];
      if (behind.size >= (options.flushRows ?? 5_000)) await startFlush();
      options.onProgress?.((applied += page.length));
    }
  }
}
