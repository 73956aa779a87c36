/**
 * Rebuild of every read model at once, from one read of the log (`rebuildProjections`, as `projections:rebuild
 * --all`), beside two baselines measured in the same run, after it, writing nothing: the issue's, each read
 * model reading its own pages (its types, the same page size, the next page read while the last is handled),
 * and one read of the log's events of all their types (what the rebuild itself reads). The ratios say how much
 * of the read's speed the folds and writes leave.
 */
import { DataSource } from 'typeorm';
import { EventStore } from '../libs/event-store/event-store.port';
import { Projection } from '../libs/projection/projection';
import { rebuildPages, rebuildProjections } from '../libs/projection/rebuild';
import { progressBar } from './support/progress';
import { round } from './support/stats';
import { postmasterOf, serverCpuSeconds } from './support/server-cpu';

export interface RebuildFigures {
  projectionEvents: number;
  seconds: number;
  eventsPerSecond: number;
  baseline: { case: string; seconds: number; eventsPerSecond: number };
  ratioToBaseline: number;
  peakRssMb: number;
  /** CPU seconds of this (the rebuilding) process during the rebuild and during the baseline read: what bounds it. */
  nodeCpuSeconds: { rebuild: number; baseline: number };
  /** CPU seconds of the PostgreSQL server (all its processes) in the same two spans, where /proc tells. */
  serverCpuSeconds?: { rebuild: number; baseline: number };
  projections: { projection: string; events: number; parked: number }[];
  /** The second baseline: one read of the log's events of all their types (what the rebuild itself reads), writing nothing. */
  sharedRead: { logEvents: number; seconds: number; ratio: number; nodeCpuSeconds: number; serverCpuSeconds?: number };
}

/** The baseline: the rebuild's own page reader (same filter, page size and read-ahead), writing nothing. */
async function readEverything(
  store: EventStore,
  projection: Pick<Projection, 'handles'>,
  batchSize: number,
  onPage: (n: number) => void,
): Promise<number> {
  let count = 0;
  for await (const page of rebuildPages(store, projection, undefined, { batchSize })) {
    count += page.length;
    onPage(page.length);
  }
  return count;
}

async function timed<T>(
  work: () => Promise<T>,
  postmaster?: number,
): Promise<{ value: T; seconds: number; cpuSeconds: number; serverCpuSeconds?: number }> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const server = serverCpuSeconds(postmaster);
  const value = await work();
  const used = process.cpuUsage(cpu);
  const serverAfter = serverCpuSeconds(postmaster);
  return {
    value,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: round((used.user + used.system) / 1e6, 1),
    serverCpuSeconds: server === undefined || serverAfter === undefined ? undefined : round(serverAfter - server, 1),
  };
}

export async function benchRebuild(
  dataSource: DataSource,
  store: EventStore,
  projections: readonly Projection[],
  options: { batchSize: number; expectedEvents: number; flushRows?: number },
): Promise<RebuildFigures> {
  const [{ pid }] = await dataSource.query(`SELECT pg_backend_pid() AS pid`);
  const postmaster = postmasterOf(pid);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const bar = progressBar('rebuild every read model', options.expectedEvents, 'events');
  let done = 0;
  try {
    // One rebuild of all of them, reading the log once (libs/projection/fan-out.ts), as the projector's --all does.
    const rebuilt = await timed(
      () =>
        rebuildProjections(projections, store, dataSource, {
          batchSize: options.batchSize,
          flushRows: options.flushRows,
          onProgress: (n) => (bar.increment(n - done), (done = n)),
        }),
      postmaster,
    );
    const figures = await Promise.all(
      projections.map(async (projection, i) => {
        const { eventsApplied } = rebuilt.value[i];
        const [{ parked }] = await dataSource.query(
          `SELECT count(*)::int AS parked FROM projections.dead_letters WHERE projection = $1 AND resolved_at IS NULL`,
          [projection.name],
        );
        return { projection: projection.name, events: eventsApplied, parked };
      }),
    );
    const projectionEvents = figures.reduce((sum, f) => sum + f.events, 0);
    bar.stop();
    clearInterval(sampler);
    // After the rebuild, so that its peak RSS is its own; the pages it read are then warm in the cache, which
    // favours the baseline (the ratio errs low).
    const readBar = progressBar('baseline: read the same pages', projectionEvents, 'events');
    const baseline = await timed(
      () => Promise.all(projections.map((p) => readEverything(store, p, options.batchSize, (n) => readBar.increment(n)))),
      postmaster,
    );
    readBar.stop();
    const total = baseline.value.reduce((a, b) => a + b, 0);
    const handles = [...new Set(projections.flatMap((p) => p.handles))];
    const shared = await timed(() => readEverything(store, { handles }, options.batchSize, () => undefined), postmaster);
    return {
      projectionEvents,
      seconds: round(rebuilt.seconds, 2),
      eventsPerSecond: Math.round(projectionEvents / rebuilt.seconds),
      baseline: {
        case: 'read the same pages, writing nothing',
        seconds: round(baseline.seconds, 2),
        eventsPerSecond: Math.round(total / baseline.seconds),
      },
      ratioToBaseline: round(baseline.seconds / rebuilt.seconds, 2),
      peakRssMb: round(peakRss / 2 ** 20, 0),
      nodeCpuSeconds: { rebuild: rebuilt.cpuSeconds, baseline: baseline.cpuSeconds },
      serverCpuSeconds:
        rebuilt.serverCpuSeconds === undefined || baseline.serverCpuSeconds === undefined
          ? undefined
          : { rebuild: rebuilt.serverCpuSeconds, baseline: baseline.serverCpuSeconds },
      projections: figures,
      sharedRead: {
        logEvents: shared.value,
        seconds: round(shared.seconds, 2),
        ratio: round(shared.seconds / rebuilt.seconds, 2),
        // With the two spans above: the CPU the folds and writes add to reading, which two cores must carry.
        nodeCpuSeconds: shared.cpuSeconds,
        serverCpuSeconds: shared.serverCpuSeconds,
      },
    };
  } finally {
    clearInterval(sampler);
    bar.stop();
  }
}
