/**
 * For iterating on the analyst queries: loads and rebuilds a database that is kept (not dropped), once, then
 * times the queries against it as often as wanted. Never used for reported figures (those come from
 * bench/projections.ts on a fresh embedded PostgreSQL).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/family_ledger_bench_kept \
 *     node -r ./scripts/projections/register.js bench/kept-database.ts load --events 1000000
 *   ... bench/kept-database.ts queries --repeats 200
 *   ... bench/kept-database.ts rebuild category-counts     (after a DDL change: that read model only)
 */
import { Client } from 'pg';
import { openDatabase } from '../libs/database/data-source';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { rebuildProjection } from '../libs/projection/rebuild';
import { databaseSchema, indicatorProjections } from '../projections/index';
import { benchProjections } from './projections';
import { timeQueries } from './queries';
import { benchArgs } from './support/options';

function keptUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url || !new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
  return url;
}

const args = benchArgs(['events', 'repeats']);

async function createIfMissing(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

async function rebuildOne(url: string, name: string): Promise<void> {
  const projection = indicatorProjections.find((p) => p.name === name);
  if (!projection) throw new Error(`no projection ${name}`);
  const dataSource = await openDatabase(url, databaseSchema);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 2 });
  try {
    const started = Date.now();
    const { eventsApplied } = await rebuildProjection(projection, store, dataSource, { batchSize: 2000 });
    console.log(`rebuilt ${name}: ${eventsApplied} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const url = keptUrl();
  const [command, argument] = args.positionals;
  if (command === 'load') {
    await createIfMissing(url);
    const { loadedEvents } = await benchProjections(url, { events: args.integer('events', 1_000_000), repeats: 20 });
    console.log(`kept ${loadedEvents} events in ${new URL(url).pathname.slice(1)}`);
  } else if (command === 'rebuild') {
    await rebuildOne(url, argument);
  } else if (command === 'queries') {
    const dataSource = await openDatabase(url, databaseSchema);
    try {
      console.table(await timeQueries(dataSource, args.integer('repeats', 200)));
    } finally {
      await dataSource.destroy();
    }
  } else {
    throw new Error('usage: kept-database.ts load [--events N] | rebuild <projection> | queries [--repeats N]');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
