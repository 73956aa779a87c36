/**
 * The sections of `npm run bench` besides appends: each runs its benchmark at the sizes scaled by
 * BENCH_SCALE and turns its results into the rows of its table. The peer, the web pages, the replica, the
 * scorecard and bulletins: outer-sections.ts.
 */
import { benchAudit, defaultAuditOptions } from '../audit';
import { benchFeed } from '../feed';
import { FEED_PAGE_SIZE } from '../../apps/api/src/feed/feed-subscription';
import { benchHttp, defaultHttpOptions } from '../http';
import { benchProjections } from '../projections';
import { benchProofs, defaultProofOptions } from '../proofs';

export type SectionResult = { summary: Record<string, unknown>[]; results: unknown };
export type Section = (url: string, scale: number, fresh: () => Promise<string>) => Promise<SectionResult>;

export const scaled = (size: number, scale: number, min: number) => Math.max(min, Math.round(size * scale));

export const http: Section = async (url, scale) => {
  const o = defaultHttpOptions;
  const results = await benchHttp(url, {
    ...o,
    durationSeconds: scaled(o.durationSeconds, scale, 2),
    households: scaled(o.households, scale, 50),
  });
  const summary = results.cases.map((c) => ({
    case: `${c.case}, ${results.connections} connections`,
    'requests/s': c.requestsPerSecond,
    'p50 ms': c.p50Ms,
    'p99 ms': c.p99Ms,
    errors: c.errors,
    'non-2xx': c.non2xx,
    'ratio to baseline': c.ratioToBaseline ?? 1,
    'CPU ms/request': c.cpuMsPerRequest,
  }));
  for (const [name, trips] of Object.entries(results.roundTrips))
    summary.push({ case: `round trips: ${name}`, 'requests/s': trips.count } as never);
  return { summary, results };
};

export const audit: Section = async (url, scale) => {
  const o = defaultAuditOptions;
  const results = await benchAudit(url, { ...o, households: scaled(o.households, scale, 50) });
  const summary = [
    {
      case: `verify the whole log (${results.logEvents} events)`,
      'events/s': results.verifyWholeLog.eventsPerSecond,
      seconds: results.verifyWholeLog.seconds,
      intact: results.verifyWholeLog.intact,
      baseline: 'read the same pages',
      'baseline events/s': results.readWholeLog.eventsPerSecond,
      ratio: results.ratioToRead,
    },
    {
      case: "the verifier's own read of the same log, no hashing",
      'events/s': results.verifierRead.eventsPerSecond,
      seconds: results.verifierRead.seconds,
    },
    { case: 'hash chain over events in memory, one thread', 'events/s': results.hashOnly.eventsPerSecond },
    {
      case: `replay + verify a case of ${results.caseReplay.events} events`,
      'p50 ms': results.caseReplay.p50Ms,
      'p99 ms': results.caseReplay.p99Ms,
      intact: results.caseReplay.verifiedAndFolded,
    },
    {
      case: `first checkpoint of ${results.checkpoints.events} events, ${results.checkpoints.streams} streams (read, rehash, tree, heads, sign)`,
      ms: results.checkpoints.firstCheckpointMs,
    },
    { case: `next checkpoint, ${results.checkpoints.nextCheckpointAfter} events later`, ms: results.checkpoints.nextCheckpointMs },
    {
      case: 'audit:verify: chains, then every signed root',
      'events/s': results.checkpoints.verifyAgainstCheckpoints.eventsPerSecond,
      seconds: results.checkpoints.verifyAgainstCheckpoints.seconds,
      intact: results.checkpoints.verifyAgainstCheckpoints.intact,
      baseline: "the verifier's own read",
      'baseline events/s': results.verifierRead.eventsPerSecond,
    },
  ];
  return { summary, results };
};

export const feed: Section = async (url, scale) => {
  const results = await benchFeed(url, {
    events: scaled(100_000, scale, 2_000),
    lagEvents: scaled(500, scale, 50),
    consumers: [1, 100],
    lagIntervalMs: 5,
  });
  const summary = [
    ...results.lag.map((l) => ({
      case: `append-to-consumer lag, ${l.consumers} SSE consumer(s)`,
      'p50 ms': l.p50Ms,
      'p99 ms': l.p99Ms,
      'max ms': l.maxMs,
    })),
    {
      case: `catch-up feed read of ${results.catchUp.events} events`,
      'events/s': results.catchUp.eventsPerSecond,
      seconds: results.catchUp.seconds,
      baseline: 'paged store read',
      'baseline events/s': results.catchUp.storeReadBaseline.eventsPerSecond,
      ratio: Math.round((results.catchUp.eventsPerSecond / results.catchUp.storeReadBaseline.eventsPerSecond) * 100) / 100,
      'paired ratio, median (min-max)': spread(results.catchUp.ratios.feedToPaged),
    },
    {
      case: `paged store read of ${results.catchUp.events} events, pages of ${FEED_PAGE_SIZE} (the feed's)`,
      'events/s': results.catchUp.storeReadBaseline.eventsPerSecond,
      seconds: results.catchUp.storeReadBaseline.seconds,
      baseline: 'keyset read of the same table, same columns',
      'baseline events/s': results.catchUp.storeReadBaseline.keysetBaseline.eventsPerSecond,
      ratio:
        Math.round(
          (results.catchUp.storeReadBaseline.eventsPerSecond / results.catchUp.storeReadBaseline.keysetBaseline.eventsPerSecond) * 100,
        ) / 100,
      'paired ratio, median (min-max)': spread(results.catchUp.ratios.pagedToKeyset),
    },
  ];
  return { summary, results };
};

/** Each round's ratio of two reads run a second apart (bench/feed.ts): the median, and the spread from noise. */
const spread = ({ median, min, max }: { median: number; min: number; max: number }) => `${median} (${min}-${max})`;

export const projections: Section = async (url, scale) => {
  const results = await benchProjections(url, {
    events: scaled(100_000, scale, 2_000),
    repeats: scaled(200, scale, 10),
    lag: { eventsPerSecond: 1000, seconds: scaled(10, scale, 2) },
  });
  const r = results.rebuild;
  const summary = [
    {
      case: `rebuild every read model at once (${results.loadedEvents} log events, ${r.projectionEvents} projection-events)`,
      'events/s': r.eventsPerSecond,
      seconds: r.seconds,
      'peak RSS MB': r.peakRssMb,
      baseline: r.baseline.case,
      'baseline events/s': r.baseline.eventsPerSecond,
      ratio: r.ratioToBaseline,
      'ratio to one read of the log': r.sharedRead.ratio,
      'Node CPU s (rebuild / read)': `${r.nodeCpuSeconds.rebuild} / ${r.nodeCpuSeconds.baseline}`,
      'server CPU s (rebuild / read)': r.serverCpuSeconds ? `${r.serverCpuSeconds.rebuild} / ${r.serverCpuSeconds.baseline}` : undefined,
    },
    {
      case: `read-model lag while ${results.lag.eventsPerSecond.achieved} events/s are written (${results.lag.appends} appends)`,
      'p50 ms': results.lag.projectionLag.p50Ms,
      'p99 ms': results.lag.projectionLag.p99Ms,
      'max ms': results.lag.projectionLag.maxMs,
      baseline: 'plain subscription to the log',
      'baseline p50 ms': results.lag.baselineSubscriberLag.p50Ms,
      'baseline p99 ms': results.lag.baselineSubscriberLag.p99Ms,
    },
    ...results.queries.map(({ query, ...figures }) => ({ case: `indicator query ${query}`, ...figures })),
  ];
  return { summary, results };
};

export const proofs: Section = async (_url, scale) => {
  const results = await benchProofs({ ...defaultProofOptions, sizes: defaultProofOptions.sizes.map((size) => scaled(size, scale, 1_000)) });
  const summary = results.flatMap((r) => [
    {
      case: `build a tree of ${r.leaves} leaves`,
      'leaves/s': r.buildLeavesPerSecond,
      baseline: 'hash the leaves alone',
      'baseline leaves/s': r.hashOnlyLeavesPerSecond,
      ratio: r.buildRatioToHashing,
      MB: r.treeMegabytes,
      'root ms': r.rootMs,
    },
    ...(['inclusion', 'consistency'] as const).map((kind) => ({
      case: `${kind} proof at ${r.leaves} leaves (path <= ${r[kind].pathLength})`,
      'generate p50 us': r[kind].generateP50Us,
      'generate p99 us': r[kind].generateP99Us,
      'verify p50 us': r[kind].verifyP50Us,
      'verify p99 us': r[kind].verifyP99Us,
    })),
  ]);
  return { summary, results };
};
