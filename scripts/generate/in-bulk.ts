/**
 * The bulk load: households a shard at a time, every command decided in memory by the real deciders,
 * then each stream's whole history appended in one append, many streams' appends in one multi-stream
 * append (one transaction), a few of those at once. The log holds the same events (ids, data, stream
 * revisions) as the command path; only the global order differs (stream by stream instead of interleaved
 * in time). The next shard is decided while the last one's batches are written.
 */
import { setImmediate as yieldToWrites } from 'node:timers/promises';
import { appendToStreams } from '../../libs/event-store/append-many';
import { EventStore, StreamAppend } from '../../libs/event-store/event-store.port';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';
import { LoadProgress, OnWritten } from './by-commands';

export interface InBulkOptions {
  /** Households decided in memory before their streams are written. */
  shard: number;
  /** Multi-stream appends in flight at once. */
  concurrency: number;
  /** Events in one multi-stream append (default 10,000): its transaction, its keys fetched at once. */
  batchEvents?: number;
  onProgress?(progress: LoadProgress): void;
  /** Told of the events decided, once they are written. */
  onWritten?: OnWritten;
}

/**
 * Appends go through the EventStore port (its `appendToStreams`, not raw SQL) so that whatever the
 * service's store does on append, such as validating events and encrypting personal fields, happens here too.
 */
export async function loadInBulk(store: EventStore, plan: CampaignPlan, options: InBulkOptions): Promise<LoadProgress> {
  const done: LoadProgress = { commands: 0, events: 0 };
  let writing: Promise<void> = Promise.resolve();
  for (let from = 0; from < plan.households; from += options.shard) {
    const decisions = new InMemoryDecisions();
    for (const item of generatePlanned(plan, { range: { from, to: from + options.shard }, programme: from === 0 })) {
      decisions.decide(item);
      // The bar moves while a shard is decided too (the commands count does, the events written follow),
      // and the last shard's appends get their answers.
      if (++done.commands % 1_000 === 0) {
        options.onProgress?.(done);
        await yieldToWrites();
      }
    }
    await writing;
    const batches = inBatches([...decisions.drain()], options.batchEvents ?? 10_000);
    writing = inParallel(batches, options.concurrency, async (batch) => {
      await appendToStreams(store, batch);
      for (const { events } of batch) {
        done.events += events.length;
        for (const event of events) options.onWritten?.([event], event.metadata.occurredAt);
      }
      options.onProgress?.(done);
    });
    // Awaited once the next shard is decided; marked handled so that a failure meanwhile does not end the
    // process as an unhandled rejection before it is reported.
    writing.catch(() => undefined);
  }
  await writing;
  return done;
}

/** Whole streams' appends grouped until a group holds about `events` events (a longer stream alone). */
export function inBatches(appends: readonly StreamAppend[], events: number): StreamAppend[][] {
  const batches: StreamAppend[][] = [];
  let batch: StreamAppend[] = [];
  let size = 0;
  for (const append of appends) {
    if (batch.length > 0 && size + append.events.length > events) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(append);
    size += append.events.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) await work(items[next++]).catch((error: unknown) => ((failed = true), Promise.reject(error)));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
