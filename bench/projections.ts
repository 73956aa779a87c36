/**
 * Measures the read side at size (not a test): loads N events (default 100,000; `--events 1000000` for the
 * report) by multi-row appends through the PostgreSQL adapter, rebuilds every read model from the whole log
 * (events/s, peak RSS), then times five typical indicator queries (p50/p99 over repeated runs).
 *
 *   npm run build && node dist/bench/projections.js --events 100000
 *   node -r ./scripts/projections/register.js bench/projections.ts --events 20000     (no build)
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openDatabase } from '../libs/database/data-source';
import { EventToAppend } from '../libs/event-store/event-store.port';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { rebuildProjection } from '../libs/projection/rebuild';
import { readModelProjections } from '../projections/read-model-projections';
import { openBenchDatabase } from './support/database';
import { round } from './support/stats';
import { timeQueries } from './queries';
import { householdHistory, VILLAGES } from '../scripts/projections/campaign-history';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Appends whole household histories, many streams per transaction, on a few connections at once. */
async function load(store: PostgresEventStore, target: number): Promise<number> {
  let written = 0;
  const worker = async () => {
    while (written < target) {
      const client = await store.pool.connect();
      try {
        await client.query('BEGIN');
        for (let i = 0; i < 200 && written < target; i++) {
          for (const [stream, events] of householdHistory(written)) {
            await store.appendToStreamIn(client, stream, events.map((e): EventToAppend => ({ id: randomUUID(), ...e })));
            written += events.length;
          }
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      if (process.stdout.isTTY) process.stdout.write(`\rloaded ${written} events`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  process.stdout.write('\n');
  return written;
}

async function rebuildAll(dataSource: DataSource, store: PostgresEventStore) {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const results = [];
  try {
    for (const projection of readModelProjections) {
      const started = process.hrtime.bigint();
      const { eventsApplied } = await rebuildProjection(projection, store, dataSource, { batchSize: 2000 });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const [{ parked }] = await dataSource.query(`SELECT count(*)::int AS parked FROM projections.dead_letters WHERE projection = $1 AND resolved_at IS NULL`, [projection.name]);
      results.push({ projection: projection.name, events: eventsApplied, seconds: round(seconds, 2), 'events/s': Math.round(eventsApplied / seconds), parked });
      console.log(`rebuilt ${projection.name}: ${eventsApplied} events in ${seconds.toFixed(1)} s`);
    }
  } finally {
    clearInterval(sampler);
  }
  return { results, peakRssMb: round(peakRss / 2 ** 20, 0) };
}

export interface ProjectionBenchResults {
  loadedEvents: number;
  rebuild: Awaited<ReturnType<typeof rebuildAll>>;
  queries: Awaited<ReturnType<typeof timeQueries>>;
}

/** Loads about `events` events into the (fresh) database at `url`, rebuilds every read model, times the queries. */
export async function benchProjections(url: string, options: { events: number; repeats: number }): Promise<ProjectionBenchResults> {
  const dataSource = await openDatabase(url);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 8 });
  try {
    const loadedEvents = await load(store, options.events);
    const rebuild = await rebuildAll(dataSource, store);
    return { loadedEvents, rebuild, queries: await timeQueries(dataSource, options.repeats) };
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const events = argument('--events', 100_000);
  const repeats = argument('--repeats', 200);
  const database = await openBenchDatabase();
  try {
    const loadStarted = Date.now();
    const { loadedEvents, rebuild, queries } = await benchProjections(database.url, { events, repeats });
    console.log(`load and rebuild: ${loadedEvents} events over ${VILLAGES.length} villages, ${((Date.now() - loadStarted) / 1000).toFixed(1)} s in all`);
    console.table(rebuild.results);
    const totalEvents = rebuild.results.reduce((sum, r) => sum + r.events, 0);
    const totalSeconds = rebuild.results.reduce((sum, r) => sum + r.seconds, 0);
    console.log(`rebuild of all read models: ${totalEvents} projection-events in ${totalSeconds.toFixed(1)} s = ${Math.round(totalEvents / totalSeconds)} events/s; peak RSS ${rebuild.peakRssMb} MB (maxRSS ${round(process.resourceUsage().maxRSS / 1024, 0)} MB)`);
    console.table(queries);
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
