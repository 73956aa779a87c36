/**
 * Appends into an event table that was analysed while empty (a new database after VACUUM ANALYZE, a
 * restored one, a fixture): the statistics then say the table has no rows, and a plan that trusts them
 * scans it sequentially as it grows. Each run starts from an emptied, analysed table and fresh connections
 * (so fresh prepared statements), beside the same plain INSERTs into the same-shape table, emptied and
 * analysed alike.
 */
import { Pool } from 'pg';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { Bar, batchAppender, event, interleaved, Operation, run, singleAppender, Throughput } from './appends';
import { BASELINE_TABLES, insertRows, rowMaker, SAME_SHAPE } from './appends-baselines';
import { round } from './support/stats';

export interface AnalysedWhileEmptyOptions {
  singleOps: number;
  batchOps: number;
  batchSize: number;
  concurrency: number;
  repeats: number;
}

export const defaultAnalysedWhileEmptyOptions: AnalysedWhileEmptyOptions = {
  singleOps: 20_000,
  batchOps: 400,
  batchSize: 100,
  concurrency: 8,
  repeats: 3,
};

interface Compared {
  eventStore: Throughput;
  plainInsert: Throughput;
  ratio: number;
}

export interface AnalysedWhileEmptyResults {
  single: Compared & { concurrency: number; ops: number };
  batch: Compared & { concurrency: number; batchSize: number; ops: number };
}

export async function benchAnalysedWhileEmpty(url: string, options = defaultAnalysedWhileEmptyOptions): Promise<AnalysedWhileEmptyResults> {
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(BASELINE_TABLES);
  const { concurrency, batchSize, singleOps, batchOps, repeats } = options;
  const emptied = async () => {
    await admin.query(`TRUNCATE event_store.events, ${SAME_SHAPE}`);
    await admin.query(`VACUUM ANALYZE event_store.events`);
    await admin.query(`VACUUM ANALYZE ${SAME_SHAPE}`);
  };
  const onStore = (ops: number, appender: (store: PostgresEventStore) => (worker: string) => Operation) => async (bar: Bar) => {
    await emptied();
    const store = new PostgresEventStore({ connectionString: url, poolSize: concurrency + 2 });
    try {
      return await run(ops, concurrency, bar, appender(store));
    } finally {
      await store.close();
    }
  };
  const onInsert = (ops: number, size: number) => async (bar: Bar) => {
    await emptied();
    const pool = new Pool({ connectionString: url, max: concurrency + 2 });
    try {
      return await run(ops, concurrency, bar, (worker) => {
        const next = rowMaker(worker, event);
        return () => insertRows(pool, SAME_SHAPE, next(size));
      });
    } finally {
      await pool.end();
    }
  };
  try {
    const [singleStore, singleInsert] = await interleaved(repeats, singleOps, [
      [`analysed empty: append x1, c${concurrency}`, onStore(singleOps, singleAppender)],
      [`analysed empty: INSERT x1, c${concurrency}`, onInsert(singleOps, 1)],
    ]);
    const [batchStore, batchInsert] = (
      await interleaved(repeats, batchOps, [
        [`analysed empty: append x${batchSize}`, onStore(batchOps, (store) => batchAppender(store, batchSize))],
        [`analysed empty: INSERT x${batchSize}`, onInsert(batchOps, batchSize)],
      ])
    ).map((t): Throughput => ({ ...t, perSecond: Math.round(t.perSecond * batchSize) }));
    const compared = (eventStore: Throughput, plainInsert: Throughput): Compared => ({
      eventStore,
      plainInsert,
      ratio: round(eventStore.perSecond / plainInsert.perSecond, 2),
    });
    return {
      single: { concurrency, ops: singleOps, ...compared(singleStore, singleInsert) },
      batch: { concurrency, batchSize, ops: batchOps, ...compared(batchStore, batchInsert) },
    };
  } finally {
    await admin.end();
  }
}
