/**
 * The bulk load: households a shard at a time, every command decided in memory by the real deciders,
 * then each stream's whole history appended in one append, several appends at once. The log holds the same events (ids, data, stream revisions) as the command path;
 * only the global order differs (stream by stream instead of interleaved in time).
 */
import { EventStore } from '../../libs/event-store/event-store.port';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';
import { LoadProgress, OnWritten } from './by-commands';

export interface InBulkOptions {
  /** Households decided in memory before their streams are written. */
  shard: number;
  /** Appends in flight at once. */
  concurrency: number;
  onProgress?(progress: LoadProgress): void;
  /** Told of the events decided, once they are written. */
  onWritten?: OnWritten;
}

/**
 * Appends go through the EventStore port (not a raw multi-stream transaction) so that whatever the
 * service's store does on append, such as encrypting personal fields, happens here too.
 */
export async function loadInBulk(store: EventStore, plan: CampaignPlan, options: InBulkOptions): Promise<LoadProgress> {
  const done: LoadProgress = { commands: 0, events: 0 };
  for (let from = 0; from < plan.households; from += options.shard) {
    const decisions = new InMemoryDecisions();
    for (const item of generatePlanned(plan, { range: { from, to: from + options.shard }, programme: from === 0 })) {
      decisions.decide(item);
      // The bar moves while a shard is decided too: the commands count does, the events written follow.
      if (++done.commands % 1_000 === 0) options.onProgress?.(done);
    }
    await inParallel([...decisions.drain()], options.concurrency, async ({ stream, events, expectedRevision }) => {
      await store.appendToStream(stream, events, { expectedRevision });
      done.events += events.length;
      for (const event of events) options.onWritten?.([event], event.metadata.occurredAt);
      options.onProgress?.(done);
    });
  }
  return done;
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
