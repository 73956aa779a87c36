/**
 * Append throughput and latency of the PostgreSQL event store, each next to what the same server does
 * with plain SQL in the same run: single-event appends (with expected-revision checks) against single-row
 * INSERTs at the same concurrency; batches of 100 events per append against a multi-row INSERT and COPY
 * of the same rows; and append-to-subscriber lag. The baselines write into a table of the event table's
 * shape and indexes, and into the narrow table of the first figures (appends-baselines.ts).
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventToAppend, ExpectedRevision } from '../libs/event-store';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { BASELINE_TABLES, copyRows, insertRows, NARROW, rowMaker, SAME_SHAPE } from './appends-baselines';
import { progressBar } from './support/progress';
import { median, percentile, round } from './support/stats';

export interface AppendBenchOptions {
  singleOps: number;
  batchOps: number;
  batchSize: number;
  concurrencies: number[];
  batchConcurrency: number;
  lagEvents: number;
  lagIntervalMs: number;
  repeats: number;
}

export const defaultAppendOptions: AppendBenchOptions = {
  singleOps: 4000,
  batchOps: 200,
  batchSize: 100,
  concurrencies: [1, 8, 32],
  batchConcurrency: 4,
  lagEvents: 1000,
  lagIntervalMs: 5,
  repeats: 3,
};

export interface Throughput {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Each ratio is the event store's rate over the baseline's; `narrow` baselines write the narrow table. */
export interface AppendBenchResults {
  single: {
    concurrency: number;
    eventStore: Throughput;
    plainInsert: Throughput;
    narrowInsert: Throughput;
    ratio: number;
    ratioToNarrow: number;
  }[];
  batch: {
    batchSize: number;
    concurrency: number;
    eventStore: Throughput;
    multiRowInsert: Throughput;
    narrowMultiRowInsert: Throughput;
    copy: Throughput;
    ratioToMultiRow: number;
    ratioToNarrow: number;
    ratioToCopy: number;
  };
  subscriberLag: { events: number; p50Ms: number; p99Ms: number; maxMs: number };
}

export async function benchAppends(url: string, options: AppendBenchOptions = defaultAppendOptions): Promise<AppendBenchResults> {
  const maxConcurrency = Math.max(...options.concurrencies, options.batchConcurrency);
  const pool = new Pool({ connectionString: url, max: maxConcurrency + 4 });
  const store = new PostgresEventStore({ connectionString: url, poolSize: maxConcurrency + 4 });
  await pool.query(BASELINE_TABLES);
  const rows =
    (table: typeof SAME_SHAPE | typeof NARROW, size: number) =>
    (worker: string): Operation => {
      const next = rowMaker(worker, event);
      return () => insertRows(pool, table, next(size));
    };
  const ratio = (a: Throughput, b: Throughput) => round(a.perSecond / b.perSecond, 2);
  try {
    const single = [];
    for (const concurrency of options.concurrencies) {
      const ops = options.singleOps;
      const [eventStore, plainInsert, narrowInsert] = await interleaved(options.repeats, ops, [
        [`append x1, concurrency ${concurrency}`, (bar) => run(ops, concurrency, bar, singleAppender(store))],
        [`INSERT x1, concurrency ${concurrency}`, (bar) => run(ops, concurrency, bar, rows(SAME_SHAPE, 1))],
        [`INSERT x1 narrow, concurrency ${concurrency}`, (bar) => run(ops, concurrency, bar, rows(NARROW, 1))],
      ]);
      single.push({
        concurrency,
        eventStore,
        plainInsert,
        narrowInsert,
        ratio: ratio(eventStore, plainInsert),
        ratioToNarrow: ratio(eventStore, narrowInsert),
      });
    }
    const { batchOps, batchSize, batchConcurrency: concurrency } = options;
    const copier = (worker: string): Operation => {
      const next = rowMaker(worker, event);
      return () => copyRows(pool, next(batchSize));
    };
    const [eventStore, multiRowInsert, narrowMultiRowInsert, copy] = (
      await interleaved(options.repeats, batchOps, [
        [`append x${batchSize}`, (bar) => run(batchOps, concurrency, bar, batchAppender(store, batchSize))],
        [`INSERT x${batchSize} (multi-row)`, (bar) => run(batchOps, concurrency, bar, rows(SAME_SHAPE, batchSize))],
        [`INSERT x${batchSize} (multi-row) narrow`, (bar) => run(batchOps, concurrency, bar, rows(NARROW, batchSize))],
        [`COPY x${batchSize}`, (bar) => run(batchOps, concurrency, bar, copier)],
      ])
    ).map((t): Throughput => ({ ...t, perSecond: Math.round(t.perSecond * batchSize) }));
    const batch = {
      batchSize,
      concurrency,
      eventStore,
      multiRowInsert,
      narrowMultiRowInsert,
      copy,
      ratioToMultiRow: ratio(eventStore, multiRowInsert),
      ratioToNarrow: ratio(eventStore, narrowMultiRowInsert),
      ratioToCopy: ratio(eventStore, copy),
    };
    const subscriberLag = await measureLag(store, options.lagEvents, options.lagIntervalMs);
    return { single, batch, subscriberLag };
  } finally {
    await store.close();
    await pool.end();
  }
}

export type Bar = ReturnType<typeof progressBar>;
export type Operation = () => Promise<unknown>;

/** Runs `total` operations over `concurrency` workers; each worker gets its own operation factory. */
export async function run(total: number, concurrency: number, bar: Bar, workerOp: (worker: string) => Operation): Promise<Measured> {
  let issued = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const op = workerOp(randomUUID());
      while (issued < total) {
        issued++;
        const t0 = performance.now();
        await op();
        latencies.push(performance.now() - t0);
        bar.increment();
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

type Measured = { seconds: number; latencies: number[] };

/**
 * Runs each case `times` times, alternating between cases in every round so that a noisy neighbour
 * weighs on the event store and its baseline alike; reports each case's medians.
 */
export async function interleaved(times: number, ops: number, cases: [string, (bar: Bar) => Promise<Measured>][]): Promise<Throughput[]> {
  const runs: Throughput[][] = cases.map(() => []);
  for (let i = 0; i < times; i++) {
    for (const [index, [label, once]] of cases.entries()) {
      const bar = progressBar(`${label} (${i + 1}/${times})`, ops);
      const { seconds, latencies } = await once(bar);
      bar.stop();
      runs[index].push({ perSecond: ops / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) });
    }
  }
  return runs.map((caseRuns) => ({
    perSecond: Math.round(median(caseRuns.map((r) => r.perSecond))),
    p50Ms: round(median(caseRuns.map((r) => r.p50Ms)), 2),
    p99Ms: round(median(caseRuns.map((r) => r.p99Ms)), 2),
  }));
}

export function event(worker: string): EventToAppend {
  return {
    id: randomUUID(),
    type: 'ServiceDelivered',
    data: {
      householdId: worker,
      serviceId: randomUUID(),
      departmentCode: 'health',
      serviceTypeCode: 'health-check',
      focusArea: 'health',
      deliveredAt: '2012-03-01T08:00:00.000Z',
    },
    metadata: { actor: 'bench', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T08:00:00.000Z' },
  };
}

export function singleAppender(store: PostgresEventStore) {
  return (worker: string): Operation => {
    let expected: ExpectedRevision = 'no_stream';
    return async () => {
      const result = await store.appendToStream(`household-${worker}`, [event(worker)], { expectedRevision: expected });
      expected = result.nextExpectedRevision;
    };
  };
}

export function batchAppender(store: PostgresEventStore, size: number) {
  return (worker: string): Operation => {
    let expected: ExpectedRevision = 'no_stream';
    return async () => {
      const events = Array.from({ length: size }, () => event(worker));
      const result = await store.appendToStream(`household-${worker}`, events, { expectedRevision: expected });
      expected = result.nextExpectedRevision;
    };
  };
}

/** From just before the append call to the subscriber receiving the event, appending at a fixed rate. */
async function measureLag(store: PostgresEventStore, events: number, intervalMs: number): Promise<AppendBenchResults['subscriberLag']> {
  const stream = `lag-${randomUUID()}`;
  const sentAt = new Map<string, number>();
  const lags: number[] = [];
  const subscription = store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [stream] } });
  const bar = progressBar('append-to-subscriber lag', events, 'events');
  const receiving = (async () => {
    for await (const e of subscription) {
      lags.push(performance.now() - sentAt.get(e.id)!);
      bar.increment();
      if (lags.length === events) break;
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let i = 0; i < events; i++) {
    const e = event(stream);
    sentAt.set(e.id, performance.now());
    await store.appendToStream(stream, [e]);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  await receiving;
  bar.stop();
  await subscription.close();
  return { events, p50Ms: round(percentile(lags, 50), 2), p99Ms: round(percentile(lags, 99), 2), maxMs: round(Math.max(...lags), 2) };
}
