/**
 * Where the log read's CPU goes (not a reported figure: those come from `npm run bench -- feed`). Loads the
 * feed bench's log once, then profiles each read alone with the V8 profiler (node:inspector): the keyset
 * read, the store's paged read, the SSE catch-up. Prints each read's top functions by self time and writes
 * the .cpuprofile files (open them in Chrome's DevTools) to the given folder.
 *
 *   npm run build --silent && node dist/bench/feed-profile.js --events 30000 --out /tmp/feed-profile
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../libs/clock';
import { loadConfig } from '../libs/config';
import { openRuntime } from '../libs/runtime';
import { readSealed } from '../libs/personal-data';
import { databaseSchema } from '../projections/index';
import { Client } from 'pg';
import { performance } from 'node:perf_hooks';
import { readAllQuery } from '../libs/event-store/postgres/read-all-query';
import { EVENT_COLUMNS } from '../libs/event-store/postgres/rows';
import { createApiApp } from '../apps/api/src/create-app';
import { subscriberHeaders } from './feed';
import { keysetRead, storeRead } from './feed-baselines';
import { load } from './feed-log';
import { catchUp } from './feed-consumer';
import { openBenchDatabase } from './support/database';
import { benchArgs } from './support/options';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by function (name and file), as shares of the profile's samples. */
function topFunctions(profile: { nodes: ProfileNode[] }, count = 25): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(dist|node_modules)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
}

async function profiled<T>(session: Session, name: string, out: string, work: () => Promise<T>): Promise<T> {
  await session.post('Profiler.start');
  const result = await work();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
  console.log(`\n== ${name}: ${JSON.stringify(result)}\n${topFunctions(profile as { nodes: ProfileNode[] }).join('\n')}`);
  return result;
}

/** Server time of the statements alone: each read's pages run on one connection, rows fetched but not mapped. */
async function sqlTimes(url: string, events: number): Promise<void> {
  const client = new Client({ connectionString: url, options: '-c enable_seqscan=off -c enable_bitmapscan=off' });
  await client.connect();
  const variants: Record<string, (after: string) => { text: string; values: unknown[] }> = {
    keyset: (after) => ({
      text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE log_position > $1 ORDER BY log_position LIMIT 500`,
      values: [after],
    }),
    'store (limit, filter)': (after) =>
      readAllQuery({
        fromPosition: { prepare: BigInt(after), commit: BigInt(after) },
        maxCount: 500,
        filter: { streamPrefixes: ['household-bench-'] },
      }),
    'store, no limit': (after) =>
      readAllQuery({
        fromPosition: { prepare: BigInt(after), commit: BigInt(after) },
        maxCount: 500,
        includeHeldBack: true,
        filter: { streamPrefixes: ['household-bench-'] },
      }),
  };
  try {
    for (let round = 0; round < 2; round += 1)
      for (const [name, query] of Object.entries(variants)) {
        const started = performance.now();
        let after = '-1';
        let pages = 0;
        for (;;) {
          const { rows } = await client.query<{ log_position: string }>(query(after));
          pages += 1;
          if (rows.length < 500) break;
          after = rows[rows.length - 1].log_position;
        }
        console.log(`sql ${name}: ${((performance.now() - started) / pages).toFixed(2)} ms a page (${pages} pages, ${events} events)`);
      }
    // One page from the middle of the log, as the server runs it.
    const { rows } = await client.query<{ log_position: string }>(
      `SELECT log_position FROM event_store.events ORDER BY log_position OFFSET ${Math.floor(events / 2)} LIMIT 1`,
    );
    for (const [name, query] of Object.entries(variants)) {
      const { text, values } = query(rows[0].log_position);
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      console.log(`plan of ${name}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const args = benchArgs(['events', 'out']);
  const events = args.integer('events', 30_000);
  const out = args.text('out') ?? mkdtempSync(join(tmpdir(), 'feed-profile-'));
  mkdirSync(out, { recursive: true });
  process.env.FEED_STALL_TIMEOUT_MS ??= '600000';
  const database = await openBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-feed-profile-'));
  const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };
  const runtime = await openRuntime(loadConfig(env), { clock: systemClock, env, schema: databaseSchema });
  const app = await createApiApp(runtime);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const session = new Session();
  session.connect();
  try {
    await load(runtime.eventStore, events);
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    // The paged read first, as in the bench: most data keys were cached longer ago than the cache keeps them.
    await profiled(session, 'paged', out, () => storeRead(runtime.eventStore, events));
    await profiled(session, 'keyset', out, () => keysetRead(database.url));
    const headers = await subscriberHeaders(runtime.security);
    await profiled(session, 'feed', out, () => catchUp(base, headers, events));
    await sqlTimes(database.url, events);
    // The layers of the paged read, interleaved: the raw PostgreSQL store, the whole stack sealed (no key
    // look-ups or decryption), the whole stack.
    for (let round = 0; round < 2; round += 1) {
      console.log(`keyset ${JSON.stringify(await keysetRead(database.url))}`);
      console.log(`raw store ${JSON.stringify(await storeRead(runtime.rawEventStore, events))}`);
      console.log(`sealed ${JSON.stringify(await readSealed(() => storeRead(runtime.eventStore, events)))}`);
      console.log(`whole stack ${JSON.stringify(await storeRead(runtime.eventStore, events))}`);
    }
    console.log(`\nprofiles in ${out}`);
  } finally {
    session.disconnect();
    await app.close();
    await runtime.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
