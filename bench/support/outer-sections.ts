/**
 * The bench's sections whose subject lies beyond the log's own path: the peer store, the web app's pages in a
 * browser, the read replica, the campaign's scorecard and bulletins (the rest: sections.ts).
 */
import { benchBulletins, defaultBulletinOptions } from '../bulletins';
import { benchPeers, defaultPeerOptions } from '../peers/scenarios';
import { benchReplica, defaultReplicaOptions } from '../replica';
import { benchScorecard, defaultScorecardOptions } from '../scorecard';
import { benchWeb, defaultWebOptions } from '../web';
import { scaled, Section } from './sections';

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
