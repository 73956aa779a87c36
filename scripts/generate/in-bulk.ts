/**
 * The bulk load: households a shard at a time, every command decided in memory by the real deciders,
 * then each stream's whole history appended in one append, many streams' appends in one multi-stream
 * append (one transaction). The log holds the same events (ids, data, stream revisions) as the command
 * path; only the global order differs (stream by stream instead of interleaved in time). Causes still come
 * before their effects: streams are written in the order of their first command (a household's before
 * the loan that names it), so batches are written one after another: two at once could commit the later
 * first, and the projections would park a loan whose household they have not seen. The next shard is
 * decided while the last one's batches are written.
 */
import { setImmediate as yieldToWrites } from 'node:timers/promises';
import { isDatabaseUnavailable } from '../../libs/database/unavailable';
import { appendToStreams } from '../../libs/event-store/append-many';
import { WrongExpectedRevisionError } from '../../libs/event-store/errors';
import { EventStore, StreamAppend } from '../../libs/event-store/event-store.port';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';
import { LoadProgress, OnWritten } from './by-commands';

export interface InBulkOptions {
  /** Households decided in memory before their streams are written. */
  shard: number;
  /**
   * The households to write (indexes into the plan's, `to` exclusive; all by default). The city's own
   * streams come with the slice that starts at 0.
   */
  range?: { from: number; to: number };
  /** Told when the first shard (with the city's own streams, in the slice from 0) is written. */
  onFirstShard?(): void;
  /**
   * Events in one multi-stream append (default 1,000): its transaction, its keys fetched at once. Sealing
   * and hashing a batch holds the event loop, so it is kept short (see the yield below).
   */
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
  const { from: start, to: end } = options.range ?? { from: 0, to: plan.households };
  for (let from = start; from < end; from += options.shard) {
    const decisions = new InMemoryDecisions();
    const range = { from, to: Math.min(from + options.shard, end) };
    for (const item of generatePlanned(plan, { range, programme: from === 0 })) {
      decisions.decide(item);
      // The last shard's appends get their answers between every few commands: on a starved machine a
      // longer stretch of deciding outlasts a connection's timeout while its handshake waits for a turn.
      if (++done.commands % 100 === 0) {
        if (done.commands % 1_000 === 0) options.onProgress?.(done);
        await yieldToWrites();
      }
    }
    await writing;
    const batches = inBatches([...decisions.drain()], options.batchEvents ?? 1_000);
    writing = (async () => {
      for (const batch of batches) {
        await appendBatch(store, batch);
        for (const { events } of batch) {
          done.events += events.length;
          for (const event of events) options.onWritten?.([event], event.metadata.occurredAt);
        }
        options.onProgress?.(done);
      }
      if (from === start) options.onFirstShard?.();
    })();
    // Awaited once the next shard is decided; marked handled so that a failure meanwhile does not end the
    // process as an unhandled rejection before it is reported.
    writing.catch(() => undefined);
  }
  await writing;
  return done;
}

/** Tries a batch again after a lost connection (a starved process can stall a connect past its timeout). */
const ATTEMPTS = 10;

/**
 * A batch is one transaction, so a failed attempt wrote all of it or none. A batch refused for its
 * revisions whose first event is stored was written before: by an attempt whose answer was lost, or by
 * an earlier run over the same households (`--range` finishing a part that stopped). It is skipped.
 */
async function appendBatch(store: EventStore, batch: readonly StreamAppend[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await appendToStreams(store, batch);
      return;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError && (await written(store, batch[0]))) return;
      if (attempt === ATTEMPTS || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * attempt, 10_000)));
    }
  }
}

async function written(store: EventStore, { stream, events }: StreamAppend): Promise<boolean> {
  const stored = await store.readStream(stream).catch(() => []);
  return stored.some((event) => event.id === events[0].id);
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
