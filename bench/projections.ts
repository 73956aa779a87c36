/**
 * Measures the read side at size (not a test): loads N events (default 100,000; `--events 1000000` for the
 * report) by multi-row appends through the PostgreSQL adapter, rebuilds every read model from the whole log
 * (events/s, peak RSS), then times five typical indicator queries (p50/p99 over repeated runs).
 *
 *   npm run build && node dist/bench/projections.js --events 100000
 *   node -r ./scripts/projections/register.js bench/projections.ts --events 20000     (no build)
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../libs/database/data-source';
import { EventToAppend, StreamAppend } from '../libs/event-store/event-store.port';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { databaseSchema, indicatorProjections } from '../projections/index';
import { openBenchDatabase } from './support/database';
import { round } from './support/stats';
import { timeQueries } from './queries';
import { RebuildFigures } from './rebuild';
import { rebuildInChild } from './rebuild-child';
import { benchProjectionLag, LagFigures } from './projection-lag';
import { householdHistory, VILLAGES } from '../scripts/projections/campaign-history';
import { benchArgs } from './support/options';

function argument(name: string, fallback: number): number {
  return benchArgs(['events', 'repeats', 'lag-rate', 'lag-seconds']).integer(name, fallback);
}

/** Appends whole household histories, many streams per transaction (appendToStreams), on a few connections at once. */
export async function loadHistories(store: PostgresEventStore, target: number): Promise<number> {
  let written = 0;
  const worker = async () => {
    while (written < target) {
      const appends: StreamAppend[] = [];
      for (let i = 0; i < 200 && written < target; i++) {
        for (const [stream, events] of householdHistory(written)) {
          appends.push({ stream, events: events.map((e): EventToAppend => ({ id: randomUUID(), ...e })) });
          written += events.length;
        }
      }
      await store.appendToStreams(appends);
      if (process.stdout.isTTY) process.stdout.write(`\rloaded ${written} events`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  process.stdout.write('\n');
  // As after any bulk load (PostgreSQL's "Populating a Database"): without statistics the planner reads a
  // type-filtered page by sorting the whole rest of the log, about 100x slower than following the index.
  await store.pool.query('ANALYZE event_store.events');
  return written;
}

export interface ProjectionBenchResults {
  loadedEvents: number;
  rebuild: RebuildFigures;
  queries: Awaited<ReturnType<typeof timeQueries>>;
  lag: LagFigures;
}

export interface ProjectionBenchOptions {
  events: number;
  repeats: number;
  /** The steady-state lag run: the rate household histories are written at, and for how long. */
  lag?: { eventsPerSecond: number; seconds: number };
}

/**
 * Loads about `events` events into the (fresh) database at `url`, rebuilds every read model, times the
 * queries, then measures the projections' lag while events are written at a fixed rate.
 */
export async function benchProjections(url: string, options: ProjectionBenchOptions): Promise<ProjectionBenchResults> {
  const dataSource = await openDatabase(url, databaseSchema);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 8 });
  try {
    const loadedEvents = await loadHistories(store, options.events);
    const flushRows = process.env.BENCH_FLUSH_ROWS ? Number(process.env.BENCH_FLUSH_ROWS) : undefined;
    const rebuild = await rebuildInChild({ url, batchSize: 1000, expectedEvents: loadedEvents * 2, flushRows });
    const queries = await timeQueries(dataSource, options.repeats);
    const lag = await benchProjectionLag(dataSource, store, indicatorProjections, options.lag ?? { eventsPerSecond: 1000, seconds: 10 });
    return { loadedEvents, rebuild, queries, lag };
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const events = argument('events', 100_000);
  const repeats = argument('repeats', 200);
  const database = await openBenchDatabase();
  try {
    const loadStarted = Date.now();
    const { loadedEvents, rebuild, queries, lag } = await benchProjections(database.url, {
      events,
      repeats,
      lag: { eventsPerSecond: argument('lag-rate', 1000), seconds: argument('lag-seconds', 10) },
    });
    console.log(
      `load and rebuild: ${loadedEvents} events over ${VILLAGES.length} villages, ${((Date.now() - loadStarted) / 1000).toFixed(1)} s in all`,
    );
    const { projections, ...figures } = rebuild;
    console.table(projections);
    console.log(
      `rebuild of all read models at once: ${JSON.stringify(figures)} (maxRSS ${round(process.resourceUsage().maxRSS / 1024, 0)} MB)`,
    );
    console.table(queries);
    console.log(`steady-state lag: ${JSON.stringify(lag)}`);
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
