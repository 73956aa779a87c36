/**
 * The bulk load: households a shard at a time, every command decided in memory by the real deciders,
 * then each stream's whole history appended in one append, many streams per transaction, a few
 * transactions at once. The log holds the same events (ids, data, stream revisions) as the command path;
 * only the global order differs (stream by stream instead of interleaved in time).
 */
import { EventToAppend } from '../../libs/event-store/event-store.port';
import { PostgresEventStore } from '../../libs/event-store/postgres/postgres-event-store';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';
import { LoadProgress } from './by-commands';

export interface InBulkOptions {
  /** Households decided in memory before their streams are written. */
  shard: number;
  /** Transactions in flight at once. */
  concurrency: number;
  /** Events per transaction (each stream's append stays whole). */
  eventsPerTransaction?: number;
  onProgress?(progress: LoadProgress): void;
}

type Append = { stream: string; events: EventToAppend[]; expectedRevision: bigint | 'no_stream' };

export async function loadInBulk(store: PostgresEventStore, plan: CampaignPlan, options: InBulkOptions): Promise<LoadProgress> {
  const done: LoadProgress = { commands: 0, events: 0 };
  const perTransaction = options.eventsPerTransaction ?? 5_000;
  for (let from = 0; from < plan.households; from += options.shard) {
    const decisions = new InMemoryDecisions();
    for (const item of generatePlanned(plan, { range: { from, to: from + options.shard }, programme: from === 0 })) {
      decisions.decide(item);
      done.commands++;
    }
    const batches: Append[][] = [[]];
    let size = 0;
    for (const append of decisions.drain()) {
      if (size + append.events.length > perTransaction && size > 0) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1].push(append);
      size += append.events.length;
    }
    await inParallel(batches, options.concurrency, async (batch) => {
      await writeTransaction(store, batch);
      done.events += batch.reduce((sum, a) => sum + a.events.length, 0);
      options.onProgress?.(done);
    });
  }
  return done;
}

async function writeTransaction(store: PostgresEventStore, batch: Append[]): Promise<void> {
  const client = await store.pool.connect();
  try {
    await client.query('BEGIN');
    for (const { stream, events, expectedRevision } of batch) await store.appendToStreamIn(client, stream, events, { expectedRevision });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  store.appended();
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
