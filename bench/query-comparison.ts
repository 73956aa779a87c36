/**
 * The analyst queries before and after a change, in one run on one database, so the two are read against
 * the same machine at the same moment: loads and rebuilds as bench/projections.ts does (printing its figures,
 * with this checkout's engine), then times another checkout's engine (`--before <dir>`, e.g. a git worktree
 * of the commit before, whose bench/queries.ts lists the same queries) and this one's, alternately.
 * The older engine reads only the village-grain tables, which are unchanged, so it runs on the new copies.
 *
 *   git worktree add /tmp/before <commit> && cp bench/queries.ts /tmp/before/bench/ && ln -s $PWD/node_modules /tmp/before/
 *   node -r ./scripts/projections/register.js bench/query-comparison.ts --before /tmp/before --events 1000000 [--rounds 3]
 */
import { resolve } from 'node:path';
import { openDatabase } from '../libs/database/data-source';
import { openBenchDatabase } from './support/database';
import { median, round } from './support/stats';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { answerIndicator, parseIndicatorRequest } from '../libs/indicators';
import { catalogue, databaseSchema } from '../projections/index';
import { benchProjections } from './projections';
import { BENCH_QUERIES, timeQueries } from './queries';
import { benchArgs } from './support/options';

type Timing = Awaited<ReturnType<typeof timeQueries>>[number];

const args = benchArgs(['before', 'events', 'repeats', 'rounds']);

/** Per query and format: the median over rounds of each engine's p50 and p99, and after over before. */
function compare(before: Timing[][], after: Timing[][]) {
  return after[0].map((row, i) => {
    const of = (runs: Timing[][], field: 'p50 ms' | 'p99 ms' | 'p50 / SELECT 1' | 'SELECT 1 p99 ms') =>
      median(runs.map((run) => run[i][field]));
    return {
      query: row.query.slice(0, 60),
      format: row.format,
      rows: row.rows,
      'before p50': of(before, 'p50 ms'),
      'before p99': of(before, 'p99 ms'),
      'after p50': of(after, 'p50 ms'),
      'after p99': of(after, 'p99 ms'),
      'p50 after/before': round(of(after, 'p50 ms') / of(before, 'p50 ms'), 3),
      'p99 after/before': round(of(after, 'p99 ms') / of(before, 'p99 ms'), 3),
      'before p50 / SELECT 1': of(before, 'p50 / SELECT 1'),
      'after p50 / SELECT 1': of(after, 'p50 / SELECT 1'),
      'SELECT 1 p99': of(after, 'SELECT 1 p99 ms'),
    };
  });
}

interface Engine {
  find: typeof catalogue.find;
  answerIndicator: typeof answerIndicator;
  parseIndicatorRequest: typeof parseIndicatorRequest;
}

const current: Engine = { find: catalogue.find, answerIndicator, parseIndicatorRequest };

/** The engine of another checkout: the indicator lib and the one list, or the older projections/indicators. */
function engineAt(dir: string): Engine {
  const load = (path: string) => require(resolve(dir, path));
  try {
    return { find: load('projections/index').catalogue.find, ...load('libs/indicators') };
  } catch {
    const old = (path: string) => load(`projections/indicators/${path}`);
    return { find: old('catalogue').findIndicator, ...old('indicator-service'), ...old('indicator-request') };
  }
}

/** The queries whose rows differ between the engines (both answering from the same copies). */
async function differences(dataSource: DataSource, older: Engine): Promise<string[]> {
  const answer = async (engine: Engine, name: string, query: Record<string, string>) => {
    const indicator = engine.find(name)!;
    return (await engine.answerIndicator(dataSource, indicator as never, engine.parseIndicatorRequest(indicator, query))).rows;
  };
  const differing: string[] = [];
  for (const [name, query] of BENCH_QUERIES) {
    if (!isDeepStrictEqual(await answer(older, name, query), await answer(current, name, query))) differing.push(name);
  }
  return differing;
}

async function main(): Promise<void> {
  const beforeDir = args.text('before');
  if (!beforeDir) throw new Error('--before <checkout> is required');
  const events = args.integer('events', 100_000);
  const repeats = args.integer('repeats', 200);
  const rounds = args.integer('rounds', 3);
  const older = require(resolve(beforeDir, 'bench/queries')) as { timeQueries: typeof timeQueries };
  const database = await openBenchDatabase();
  try {
    const started = Date.now();
    const results = await benchProjections(database.url, { events, repeats, lag: { eventsPerSecond: 200, seconds: 1 } });
    console.log(
      `${results.loadedEvents} events loaded and rebuilt on ${database.server} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(JSON.stringify(results.rebuild, null, 1));
    console.table(results.queries);
    const dataSource = await openDatabase(database.url, databaseSchema);
    const before: Timing[][] = [];
    const after: Timing[][] = [];
    try {
      // Whether autovacuum has analysed the fresh copies yet decides the older engine's plans over the village grain.
      console.table(
        await dataSource.query(`SELECT s.schemaname AS schema, s.relname AS table, s.n_live_tup AS rows, s.n_dead_tup AS dead,
        s.last_autoanalyze IS NOT NULL OR s.last_analyze IS NOT NULL AS analysed
        FROM pg_stat_user_tables s JOIN projections.checkpoints c ON c.active_schema = s.schemaname WHERE s.relname LIKE '%counts' ORDER BY 1, 2`),
      );
      console.log(`answers that differ between the engines: ${(await differences(dataSource, engineAt(beforeDir))).join(', ') || 'none'}`);
      for (let i = 0; i < rounds; i++) {
        before.push(await older.timeQueries(dataSource, repeats));
        after.push(await timeQueries(dataSource, repeats));
        console.log(`round ${i + 1} of ${rounds} done`);
      }
    } finally {
      await dataSource.destroy();
    }
    console.table(compare(before, after));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
