/**
 * Where a rebuild's PostgreSQL time goes (not a reported figure: those come from `npm run bench -- projections`).
 * On a server started with `shared_preload_libraries=pg_stat_statements`, a database loaded once is copied
 * (CREATE DATABASE ... TEMPLATE) for each run; the rebuild runs in its own process as in the bench, while
 * pg_stat_activity is sampled every 50 ms (wait events of the rebuild's connections); then the statements'
 * server time from pg_stat_statements, by kind.
 *
 *   node -r ./scripts/projections/register.js bench/rebuild-profile.ts server /tmp/prof-pg     (prints the URL)
 *   BENCH_DATABASE_URL=<url>/family_ledger_bench_tpl ... bench/rebuild-profile.ts load --events 100000
 *   BENCH_DATABASE_URL=<url>/family_ledger_bench_tpl ... bench/rebuild-profile.ts run
 */
import { Client } from 'pg';
import { runMigrations } from '../libs/database/data-source';
import { initCluster, serverUser, startCluster } from '../libs/database/pg-cluster';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { databaseSchema } from '../projections/index';
import { loadHistories } from './projections';
import { rebuildInChild } from './rebuild-child';
import { benchArgs } from './support/options';

const args = benchArgs(['events', 'flush-rows', 'port']);

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(url: string, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}

/** What a statement is, by its text's start: the flush's COPY and upserts, the log's reads, the rest. */
function kind(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim();
  if (q.startsWith('COPY')) return 'COPY (flush)';
  if (/^INSERT INTO rm_\S+ AS r /.test(q)) return 'district rollup trigger (inside the upserts)';
  if (/^INSERT INTO rm_.*ON CONFLICT/.test(q)) return 'upsert into a copy (flush)';
  if (/^ANALYZE/.test(q)) return 'ANALYZE';
  const lookup = /^SELECT t\.\* FROM unnest.* JOIN rm_\w+\.(\w+)/.exec(q);
  if (lookup) return `look-up in a copy: ${lookup[1]}`;
  if (/FROM event_store\.events/.test(q) && q.startsWith('SELECT') && !q.includes('count(')) return 'log read';
  if (/projections\.rebuilds/.test(q)) return 'rebuild position';
  if (/^(BEGIN|COMMIT|START TRANSACTION|SET LOCAL)/i.test(q)) return 'transaction control';
  if (/^(ANALYZE|CREATE|ALTER|DROP)/i.test(q)) return 'DDL / ANALYZE';
  return 'other';
}

async function sampleActivity(url: string, stop: { done: boolean }): Promise<Map<string, number>> {
  const waits = new Map<string, number>();
  await withClient(url, async (client) => {
    while (!stop.done) {
      const { rows } = await client.query<{ wait: string; q: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, left(query, 300) AS q
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
      );
      for (const row of rows) {
        const key = `${row.wait} ${kind(row.q)}`;
        waits.set(key, (waits.get(key) ?? 0) + 1);
      }
      waits.set('(samples)', (waits.get('(samples)') ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return waits;
}

async function run(template: string): Promise<void> {
  const name = `family_ledger_bench_prof_${Date.now()}`;
  const admin = databaseUrl(template, 'postgres');
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(template).pathname.slice(1)}`));
  const url = databaseUrl(template, name);
  try {
    await withClient(url, (c) => c.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`));
    await withClient(url, (c) => c.query(`SELECT pg_stat_statements_reset()`));
    const [{ n }] = await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM event_store.events`)).rows);
    const stop = { done: false };
    const sampling = withClient(url, async (c) => {
      await c.query(`SELECT pg_stat_reset()`);
      return sampleActivity(url, stop);
    });
    const flushRows = process.env.BENCH_FLUSH_ROWS ? Number(process.env.BENCH_FLUSH_ROWS) : undefined;
    const figures = await rebuildInChild({ url, batchSize: 1000, expectedEvents: n * 2, flushRows }).finally(() => (stop.done = true));
    const waits = await sampling;
    const { projections: perProjection, ...summary } = figures;
    console.table(perProjection);
    console.log(JSON.stringify(summary));
    const samples = waits.get('(samples)') ?? 1;
    console.table(
      [...waits]
        .filter(([k]) => k !== '(samples)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 20)
        .map(([wait, count]) => ({ wait, 'busy backends (avg)': +(count / samples).toFixed(2) })),
    );
    const statements = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ query: string; calls: string; total: number; rows: string; wal: string }>(
            `SELECT query, calls, total_exec_time AS total, rows, wal_bytes AS wal FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )
        ).rows,
    );
    const byKind = new Map<string, { calls: number; ms: number; rows: number; walMb: number }>();
    for (const s of statements) {
      const k = kind(s.query);
      const entry = byKind.get(k) ?? { calls: 0, ms: 0, rows: 0, walMb: 0 };
      entry.calls += Number(s.calls);
      entry.ms += s.total;
      entry.rows += Number(s.rows);
      entry.walMb += Number(s.wal) / 2 ** 20;
      byKind.set(k, entry);
    }
    console.table(
      [...byKind]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, e]) => ({ kind: k, calls: e.calls, 'server s': +(e.ms / 1000).toFixed(1), rows: e.rows, 'WAL MB': +e.walMb.toFixed(0) })),
    );
    console.table(
      statements
        .sort((a, b) => b.total - a.total)
        .slice(0, 30)
        .map((s) => ({
          query: s.query.replace(/\s+/g, ' ').slice(0, 90),
          calls: Number(s.calls),
          'server s': +(s.total / 1000).toFixed(1),
        })),
    );
    const tables = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ table: string; rows: string }>(
            `SELECT schemaname || '.' || relname AS table, n_live_tup AS rows, n_tup_ins + n_tup_upd AS written,
                    autovacuum_count AS autovacuums, autoanalyze_count AS autoanalyzes FROM pg_stat_user_tables
            WHERE schemaname LIKE 'rm_%' AND n_live_tup > 0 ORDER BY n_live_tup DESC`,
          )
        ).rows,
    );
    console.table(tables);
  } finally {
    await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

async function main(): Promise<void> {
  const [command, dir] = args.positionals;
  if (command === 'server') {
    const user = await serverUser();
    const password = 'profile';
    await initCluster(dir, password, user);
    const port = args.integer('port', 55432);
    const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_preload_libraries=pg_stat_statements'];
    await startCluster(dir, port, [...flags, '-c', 'pg_stat_statements.track=all', '-c', 'track_io_timing=on'], user);
    console.log(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
    return;
  }
  const template = process.env.BENCH_DATABASE_URL;
  if (!template?.includes('bench')) throw new Error('BENCH_DATABASE_URL must name the template database (containing "bench")');
  if (command === 'load') {
    const name = new URL(template).pathname.slice(1);
    await withClient(databaseUrl(template, 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
    await runMigrations(template, databaseSchema);
    const store = new PostgresEventStore({ connectionString: template, poolSize: 8 });
    try {
      console.log(`loaded ${await loadHistories(store, args.integer('events', 100_000))} events`);
    } finally {
      await store.close();
    }
  } else if (command === 'run') await run(template);
  else throw new Error('usage: rebuild-profile.ts server <dir> | load [--events N] | run');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
