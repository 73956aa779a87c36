/**
 * The sections of `npm run bench` besides appends: each runs its benchmark at the sizes scaled by
 * BENCH_SCALE and turns its results into the rows of its table.
 */
import { benchAudit, defaultAuditOptions } from '../audit';
import { benchBulletins, defaultBulletinOptions } from '../bulletins';
import { benchFeed } from '../feed';
import { benchHttp, defaultHttpOptions } from '../http';
import { benchPeers, defaultPeerOptions } from '../peers/scenarios';
import { benchProjections } from '../projections';
import { benchProofs, defaultProofOptions } from '../proofs';
import { benchReplica, defaultReplicaOptions } from '../replica';
import { benchScorecard, defaultScorecardOptions } from '../scorecard';
import { benchWeb, defaultWebOptions } from '../web';

export type SectionResult = { summary: Record<string, unknown>[]; results: unknown };
export type Section = (url: string, scale: number, fresh: () => Promise<string>) => Promise<SectionResult>;

const scaled = (size: number, scale: number, min: number) => Math.max(min, Math.round(size * scale));

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
    },
    {
      case: `paged store read of ${results.catchUp.events} events, pages of 500`,
      'events/s': results.catchUp.storeReadBaseline.eventsPerSecond,
      seconds: results.catchUp.storeReadBaseline.seconds,
      baseline: 'keyset read of the same table, same columns',
      'baseline events/s': results.catchUp.storeReadBaseline.keysetBaseline.eventsPerSecond,
      ratio:
        Math.round(
          (results.catchUp.storeReadBaseline.eventsPerSecond / results.catchUp.storeReadBaseline.keysetBaseline.eventsPerSecond) * 100,
        ) / 100,
    },
  ];
  return { summary, results };
};

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

export const peers: Section = async (_url, scale, fresh) => {
  const o = defaultPeerOptions;
  const results = await benchPeers(fresh, {
    ...o,
    singleEvents: scaled(o.singleEvents, scale, 200),
    batchEvents: scaled(o.batchEvents, scale, 2_000),
    readEvents: scaled(o.readEvents, scale, 2_000),
    probeEvents: scaled(o.probeEvents, scale, 400),
  });
  const summary = [
    ...results.rows.map((r) => ({ scenario: r.scenario, 'family-ledger': r.ours, 'Emmett 0.42': r.peer, unit: r.unit, ratio: r.ratio })),
    ...Object.entries(results.gapProbe).map(([store, p]) => ({
      scenario: `gap probe: ${p.appended} single appends by 8 writers, read while written`,
      store,
      seen: p.seen,
      missed: p.missed,
      duplicates: p.duplicates,
    })),
  ];
  return { summary, results };
};

export const web: Section = async (url, scale) => {
  const o = defaultWebOptions;
  const results = await benchWeb(url, { ...o, households: scaled(o.households, scale, 200), loads: scaled(o.loads, scale, 5) });
  if ('notRun' in results) {
    console.log(`web bench NOT RUN: ${results.notRun}`);
    return { summary: [{ case: 'web pages', 'not run': results.notRun }], results };
  }
  const summary = results.pages.flatMap((p) => [
    {
      case: `${p.page}: first render in Chromium, ${p.loads} loads`,
      'p50 ms': p.firstRenderP50Ms,
      'p99 ms': p.firstRenderP99Ms,
      baseline: 'slowest call the first render needs (the page itself among them)',
      'baseline p50 ms': p.slowestNeededP50Ms,
      'baseline p99 ms': p.slowestNeededP99Ms,
      ratio: p.ratioP50,
    },
    {
      case: `${p.page}: first render drawn (the frame after it), ${p.loads} loads`,
      'p50 ms': p.firstPaintP50Ms,
      'p99 ms': p.firstPaintP99Ms,
      baseline: 'slowest call the first render needs',
      'baseline p50 ms': p.slowestNeededP50Ms,
      ratio: p.paintRatioP50,
    },
    {
      case: `${p.page}: first render, against its reads asked directly`,
      'p50 ms': p.firstRenderP50Ms,
      baseline: `its ${p.directReads} reads asked at once from the page, no page load`,
      'baseline p50 ms': p.readsDirectlyP50Ms,
      ratio: p.ratioToReadsP50,
    },
    {
      case: `${p.page}: settled (no spinner), ${p.loads} loads`,
      'p50 ms': p.settledP50Ms,
      'p99 ms': p.settledP99Ms,
      baseline: `slowest of its ${p.apiCalls} calls (the page's own among them)`,
      'baseline p50 ms': p.slowestAnyP50Ms,
      ratio: p.settledRatioP50,
    },
  ]);
  return { summary, results };
};

export const scorecard: Section = async (url, scale) => {
  const o = defaultScorecardOptions;
  const results = await benchScorecard(url, { households: scaled(o.households, scale, 100), repeats: scaled(o.repeats, scale, 5) });
  const summary = results.cases.map((c) => ({
    case: `scorecard: ${c.case} (${results.events} events)`,
    'p50 ms': c.p50Ms,
    'p99 ms': c.p99Ms,
    rows: c.rows,
    baseline: results.baseline.case,
    'baseline p50 ms': results.baseline.p50Ms,
    ratio: c.ratioToBaseline,
  }));
  return { summary, results };
};

export const bulletins: Section = async (url, scale) => {
  const o = defaultBulletinOptions;
  const results = await benchBulletins(url, { ...o, households: scaled(o.households, scale, 200) });
  const summary = [
    {
      case: `one district's bulletin pack (PDF + Excel), log of ${results.logEvents} events, ${results.eventsRead} read`,
      seconds: results.generate,
      baseline: 'the reads it makes (same filtered pages)',
      'baseline seconds': results.read,
      ratio: results.ratioToRead,
    },
    { case: 'render PDF + Excel alone (figures in memory)', seconds: results.render },
    {
      case: `the city's bulletin pack (six districts), ${results.city.eventsRead} events read`,
      seconds: results.city.generate,
      baseline: 'the reads it makes (same filtered pages)',
      'baseline seconds': results.city.read,
      ratio: results.city.ratioToRead,
    },
  ];
  return { summary, results };
};

/** Indicator reads while commands load the primary: on one server, then with the analysts on a streaming replica. */
export const replica: Section = async (_url, scale) => {
  const o = defaultReplicaOptions;
  const results = await benchReplica({
    ...o,
    durationSeconds: scaled(o.durationSeconds, scale, 3),
    households: scaled(o.households, scale, 100),
  });
  const row = (load: 'indicators' | 'commands', name: string, ratio: number) => ({
    case: `${name}, ${results.connections} connections, beside the other load (log of ${results.logEvents} events, load average ${results.loadAverage.start}-${results.loadAverage.end})`,
    'one server req/s': results.oneServer[load].requestsPerSecond,
    'one server p99 ms': results.oneServer[load].p99Ms,
    'analysts on replica req/s': results.onReplica[load].requestsPerSecond,
    'analysts on replica p99 ms': results.onReplica[load].p99Ms,
    ratio,
    'alone, one server req/s': results.alone[load].requestsPerSecond,
    'non-2xx': results.oneServer[load].non2xx + results.onReplica[load].non2xx + results.alone[load].non2xx,
  });
  const cores = Object.keys(results.oneServer.cores).map((part) => ({
    case: `cores kept busy: ${part}`,
    'one server': results.oneServer.cores[part],
    'analysts on replica': results.onReplica.cores[part],
  }));
  const summary = [
    row(
      'indicators',
      `indicator reads (answered by: ${results.oneServer.readSource} / ${results.onReplica.readSource})`,
      results.indicatorRatio,
    ),
    row('commands', 'service deliveries (POST, primary)', results.commandRatio),
    ...cores,
  ];
  return { summary, results };
};
