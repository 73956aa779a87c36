/**
 * `node dist/bench/feed.js [--events N] [--lag-events M] [--consumers 1,100]` (after `npm run build`):
 * measures the SSE feed over real sockets against a fresh database (BENCH_DATABASE_URL, else embedded):
 *  - append-to-consumer lag, p50/p99: from the start of `appendToStream` to the message parsed by each of
 *    1 and 100 concurrent SSE consumers (consumers run in this process, so their parsing is included);
 *  - catch-up throughput: one consumer, in a process of its own as a downstream service is, reading the whole
 *    log of N events (default 100000) from the start, beside the store's own paged read of the same events
 *    (no HTTP, redaction or SSE) as a baseline.
 * Not a test: it asserts nothing but completeness, and prints figures (JSON on stdout and in
 * bench/results.feed.json, which is not committed).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CITY, issueToken } from '../libs/auth';
import { systemClock } from '../libs/clock';
import { loadConfig } from '../libs/config';
import { EventStore } from '../libs/event-store';
import { databaseSchema } from '../projections/index';
import { openRuntime, Runtime } from '../libs/runtime';
import { createApiApp } from '../apps/api/src/create-app';
import { openSse, SseConnection } from '../apps/api/src/feed/sse-client';
import { catchUpElsewhere } from './feed-consumer';
import { keysetRead, storeRead } from './feed-baselines';
import { enrolment, load } from './feed-log';
import { openBenchDatabase } from './support/database';
import { benchArgs } from './support/options';
import { progressBar } from './support/progress';
import { median, percentile, round } from './support/stats';

export interface FeedBenchOptions {
  events: number;
  lagEvents: number;
  consumers: number[];
  lagIntervalMs: number;
}

async function lag(
  store: EventStore,
  base: string,
  headers: Record<string, string>,
  consumers: number,
  events: number,
  intervalMs: number,
) {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  let received = 0;
  let allReceived: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  const connections: SseConnection[] = [];
  for (let c = 0; c < consumers; c += 1) {
    connections.push(
      await openSse(
        `${base}/feed?from=end&streams=lag-`,
        {
          message: (m) => {
            const at = performance.now();
            samples.push(at - sentAt.get(JSON.parse(m.data).id)!);
            if ((received += 1) === consumers * events) allReceived();
          },
        },
        undefined,
        headers,
      ),
    );
  }
  await sleep(500); // every subscription has read the head and waits live
  const bar = progressBar(`lag, ${consumers} consumer(s)`, events, 'events');
  for (let i = 0; i < events; i += 1) {
    const event = enrolment(i);
    sentAt.set(event.id, performance.now());
    await store.appendToStream(`lag-${randomUUID()}`, [event]);
    bar.increment();
    await sleep(intervalMs);
  }
  await done;
  bar.stop();
  connections.forEach((c) => c.close());
  return {
    consumers,
    events,
    p50Ms: round(percentile(samples, 50), 2),
    p99Ms: round(percentile(samples, 99), 2),
    maxMs: round(Math.max(...samples), 2),
  };
}

interface Reading {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/** Tries of each read (a try of 100,000 events takes about a second: one try is at the mercy of a second's noise). */
const TRIES = 5;

function best<T extends Reading>(readings: readonly T[]): T {
  return readings.reduce((a, b) => (a.eventsPerSecond >= b.eventsPerSecond ? a : b));
}

/**
 * A read's rate over another's, round by round: the two ran a second apart, under the same load, where the
 * best of each may come from different moments. Their median is the verdict's figure; the spread is its noise.
 */
function pairedRatios(numerators: readonly Reading[], denominators: readonly Reading[]) {
  const ratios = numerators.map((n, i) => n.eventsPerSecond / denominators[i].eventsPerSecond);
  return { median: round(median(ratios), 2), min: round(Math.min(...ratios), 2), max: round(Math.max(...ratios), 2) };
}

export async function benchFeed(url: string, options: FeedBenchOptions) {
  process.env.FEED_STALL_TIMEOUT_MS ??= '600000'; // the bench's consumers read as fast as they can; never cut them off
  // Its own data directory: the embedded signing key and master key of the run, removed afterwards.
  const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-bench-feed-'));
  const env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir };
  const runtime = await openRuntime(loadConfig(env), { clock: systemClock, env, schema: databaseSchema });
  const app = await createApiApp(runtime);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const headers = await subscriberHeaders(runtime.security);
  try {
    const lagResults = [];
    for (const consumers of options.consumers)
      lagResults.push(await lag(runtime.eventStore, base, headers, consumers, options.lagEvents, options.lagIntervalMs));
    await load(runtime.eventStore, options.events);
    // Each of the three reads TRIES times, interleaved, best of each: the machine's load moves between runs, and
    // the feed and its baselines get the same number of tries. Every try's rate is reported too, and each
    // round's ratios.
    const runs: { store: Reading[]; keyset: Reading[]; feed: Reading[] } = { store: [], keyset: [], feed: [] };
    for (let round = 0; round < TRIES; round++) {
      runs.store.push(await storeRead(runtime.eventStore, options.events));
      runs.keyset.push(await keysetRead(url));
      runs.feed.push(await catchUpElsewhere(base, headers, options.events));
    }
    const storeReadBaseline = { ...best(runs.store), keysetBaseline: best(runs.keyset) };
    const tries = Object.fromEntries(Object.entries(runs).map(([read, readings]) => [read, readings.map((r) => r.eventsPerSecond)]));
    const ratios = { feedToPaged: pairedRatios(runs.feed, runs.store), pagedToKeyset: pairedRatios(runs.store, runs.keyset) };
    return { lag: lagResults, catchUp: { ...best(runs.feed), storeReadBaseline, tries, ratios } };
  } finally {
    await app.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Consumers authenticate as a city-wide subscriber, with a token of the run's embedded signing key. */
export async function subscriberHeaders(security: Runtime['security']): Promise<Record<string, string>> {
  if (!security.signingKey) return {};
  const token = await issueToken(
    security.signingKey,
    { sub: 'bench-subscriber', roles: ['subscriber'], ou: CITY },
    {
      expiresInSeconds: 86_400,
      issuer: security.auth.issuer,
      audience: security.auth.audience,
    },
  );
  return { Authorization: `Bearer ${token}` };
}

function feedArgs(argv: string[]): FeedBenchOptions {
  const args = benchArgs(['events', 'lag-events', 'lag-interval-ms', 'consumers'], argv);
  return {
    events: args.integer('events', 100_000),
    lagEvents: args.integer('lag-events', 500),
    lagIntervalMs: args.integer('lag-interval-ms', 5),
    consumers: (args.text('consumers') ?? '1,100').split(',').map(Number),
  };
}

if (require.main === module) {
  (async () => {
    const options = feedArgs(process.argv.slice(2));
    const database = await openBenchDatabase();
    try {
      const results = JSON.stringify({ database: database.server, options, ...(await benchFeed(database.url, options)) }, null, 2);
      console.log(results);
      writeFileSync(join(__dirname, '..', '..', 'bench', 'results.feed.json'), `${results}\n`); // from dist/bench: the source tree's bench/
    } finally {
      await database.close();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
