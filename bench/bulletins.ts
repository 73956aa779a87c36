/**
 * One district's bimonthly bulletin, and the city's, at seed scale (the generated campaign: 70,200
 * households, BENCH_SCALE shrinks it): the whole pack (read the log up to the head, fold the figures, render
 * PDF and Excel, hash), each beside its baseline measured in the same run, the reads it makes (the same
 * filtered pages of the log). The scorecard section prints lines recorded at issue (scoring is
 * `npm run bench -- scorecard`'s): here every district scored under the shipped scheme with nothing measured,
 * as many lines as a real scorecard prints.
 */
import { parseScheme, scoreBimonth, withChange } from '../libs/assessment';
import shipped from '../libs/assessment/schemes/happy-family.v1.json';
import {
  BULLETIN_LAYOUT,
  bulletinFigures,
  buildPack,
  CITY_BULLETIN_LAYOUT,
  cityDistricts,
  FIGURE_EVENT_TYPES,
  generateBulletin,
  generateCityBulletin,
  readEventsUpTo,
  readFigureEvents,
  renderPdf,
  renderXlsx,
} from '../libs/bulletins';
import { BulletinScorecard } from '../libs/domain/supervision';
import { catalogue } from '../projections/index';
import { measureUnit } from '../projections/scorecard/measures';
import { localMonthOf } from '../libs/calendar';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { CampaignPlan } from '../libs/generator';
import { loadInBulk } from '../scripts/generate/in-bulk';
import { progressBar } from './support/progress';
import { median, round } from './support/stats';

export interface BulletinBenchOptions {
  households: number;
  years: number;
  repeats: number;
}

export const defaultBulletinOptions: BulletinBenchOptions = { households: 70_200, years: 1, repeats: 3 };

export interface BulletinBenchResults {
  logEvents: number;
  eventsRead: number;
  layout: string;
  /** Median seconds. */
  generate: number;
  read: number;
  render: number;
  ratioToRead: number;
  pdfBytes: number;
  xlsxBytes: number;
  city: { eventsRead: number; layout: string; generate: number; read: number; ratioToRead: number; pdfBytes: number; xlsxBytes: number };
}

const DISTRICT = '640104';

export async function benchBulletins(url: string, options: BulletinBenchOptions = defaultBulletinOptions): Promise<BulletinBenchResults> {
  const store = new PostgresEventStore({ connectionString: url, poolSize: 4 });
  try {
    const plan = new CampaignPlan({ seed: 4_242, households: options.households, years: options.years });
    const bar = progressBar('generate campaign (bulk)', options.households * 12 * options.years, 'events');
    let reported = 0;
    await loadInBulk(store, plan, {
      shard: 2_000,
      onProgress: (p) => (bar.increment(p.events - reported), (reported = p.events)),
    });
    bar.stop();
    await store.pool.query('ANALYZE event_store.events');
    const [{ n }] = (await store.pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows;
    const asOf = await store.headPosition();
    // The last bimonth of the first year, issued early in the next.
    const header = {
      bulletinId: 'bench',
      districtCode: DISTRICT,
      period: `${plan.firstYear}06B`,
      kind: 'progress' as const,
      units: [],
      summary: 'bench',
      supervisorId: 'sup-bench',
      issuedAt: `${plan.firstYear + 1}-01-05T02:00:00.000Z`,
      asOf,
      layout: BULLETIN_LAYOUT,
      scorecard: unmeasuredScorecard(`${plan.firstYear}06B`),
    };
    const city = { ...header, issuedBy: 'city-office-bench', layout: CITY_BULLETIN_LAYOUT };
    const cityFilter = { streamPrefixes: ['household-', 'case-', 'supervision-'], eventTypes: [...FIGURE_EVENT_TYPES, 'BulletinIssued'] };
    const [generate, read, render, cityGenerate, cityRead]: number[][] = [[], [], [], [], []];
    let last = await generateBulletin(store, header);
    let lastCity = await generateCityBulletin(store, city);
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      read.push((await timed(() => readFigureEvents(store, DISTRICT, asOf))).seconds);
      const g = await timed(() => generateBulletin(store, header));
      generate.push(g.seconds);
      last = g.result;
      const events = await readFigureEvents(store, DISTRICT, asOf);
      const figures = bulletinFigures(events, DISTRICT, header.period, String(localMonthOf(header.issuedAt)));
      const pack = buildPack(figures, { ...header, asOf: last.asOf });
      render.push((await timed(async () => [await renderPdf(pack), await renderXlsx(pack)])).seconds);
      cityRead.push((await timed(() => readEventsUpTo(store, cityFilter, asOf))).seconds);
      const c = await timed(() => generateCityBulletin(store, city));
      cityGenerate.push(c.seconds);
      lastCity = c.result;
    }
    return {
      logEvents: n,
      eventsRead: last.eventsRead,
      layout: BULLETIN_LAYOUT,
      generate: round(median(generate), 3),
      read: round(median(read), 3),
      render: round(median(render), 3),
      ratioToRead: round(median(generate) / median(read), 2),
      pdfBytes: last.pdf.length,
      xlsxBytes: last.xlsx.length,
      city: {
        eventsRead: lastCity.eventsRead,
        layout: CITY_BULLETIN_LAYOUT,
        generate: round(median(cityGenerate), 3),
        read: round(median(cityRead), 3),
        ratioToRead: round(median(cityGenerate) / median(cityRead), 2),
        pdfBytes: lastCity.pdf.length,
        xlsxBytes: lastCity.xlsx.length,
      },
    };
  } finally {
    await store.close();
  }
}

/** Every district under the shipped scheme with nothing measured: the lines a real scorecard prints, no points. */
function unmeasuredScorecard(period: string): BulletinScorecard {
  const scheme = { ...parseScheme(shipped, catalogue), version: 1, loadedBy: 'bench', loadedAt: '2012-01-01T00:00:00.000Z' };
  const rows = withChange(
    cityDistricts().map((unit) => scoreBimonth(scheme, 'district', unit, period, () => null)),
    undefined,
  );
  return {
    scheme: scheme.scheme,
    version: 1,
    period,
    previousPeriod: '',
    scoredAt: '2013-01-05T02:00:00.000Z',
    reflects: [],
    rows: rows.map((r) => ({
      unit: r.unit,
      rank: r.rank,
      total: r.total,
      change: null,
      components: r.components.map(({ key, line, measure, weight, target, value, points }) => {
        return { key, line, measure, unit: measureUnit(measure), weight, target, value, points };
      }),
    })),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
