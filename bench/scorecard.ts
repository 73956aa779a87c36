/**
 * The scorecard at seed scale: a generated campaign (households, services, loans, supervision, cases) loaded
 * in bulk, every read model rebuilt, then `scoreUnits` timed for the districts' year, a bimonth, the
 * departments' year and the Excel file. Baseline in the same run: one statement the district year issues
 * (certification-rate by district over the year's six bimonths), so the ratio says what gathering the
 * other measures, folding the trail and scoring cost beside it.
 */
import { openDatabase } from '../libs/database/data-source';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { UpcastingEventStore } from '../libs/event-store/upcasting-event-store';
import { CampaignPlan } from '../libs/generator';
import { answerIndicator } from '../libs/indicators';
import { parsePeriods } from '../libs/periods';
import { catalogue, databaseSchema, projections } from '../projections/index';
import { scoreUnits, ScoreRequest } from '../projections/scorecard/scorecard';
import { scorecardXlsx } from '../projections/scorecard/scorecard-export';
import { loadInBulk } from '../scripts/generate/in-bulk';
import { benchRebuild } from './rebuild';
import { progressBar } from './support/progress';
import { percentile, round } from './support/stats';

export interface ScorecardBenchOptions {
  households: number;
  repeats: number;
}

export const defaultScorecardOptions: ScorecardBenchOptions = { households: 2_000, repeats: 30 };

export interface ScorecardCase {
  case: string;
  p50Ms: number;
  p99Ms: number;
  rows: number;
  ratioToBaseline: number;
}

async function samples(run: () => Promise<unknown>, repeats: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    await run();
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return out;
}

export async function benchScorecard(url: string, options: ScorecardBenchOptions = defaultScorecardOptions) {
  const store = new PostgresEventStore({ connectionString: url, poolSize: 8 });
  const dataSource = await openDatabase(url, databaseSchema);
  try {
    const plan = new CampaignPlan({ seed: 4_242, households: options.households, years: 4 });
    const bar = progressBar('generate campaign (bulk)', options.households * 47, 'events');
    let reported = 0;
    const loaded = await loadInBulk(store, plan, {
      shard: 2_000,
      onProgress: (p) => (bar.increment(p.events - reported), (reported = p.events)),
    });
    bar.stop();
    await store.pool.query('ANALYZE event_store.events');
    await benchRebuild(dataSource, new UpcastingEventStore(store), projections, {
      batchSize: 1000,
      expectedEvents: loaded.events * 2,
    });
    const asOf = new Date();
    const card = (level: ScoreRequest['level'], period: string) => () =>
      scoreUnits(dataSource, { level, period, scheme: 'happy-family', asOf });
    const certification = catalogue.find('certification-rate')!;
    const baselineRun = () =>
      answerIndicator(dataSource, certification, {
        orgUnit: '640100',
        orgUnitLevel: 'city',
        level: 'district',
        periods: parsePeriods('201201B;201202B;201203B;201204B;201205B;201206B'),
        by: [],
      });
    const baseline = percentile(await samples(baselineRun, options.repeats), 50);
    const timed: [string, () => Promise<{ rows: unknown[] } | Buffer>][] = [
      ['districts, year 2012 (6 bimonths; 2011 precedes the scheme)', card('district', '2012')],
      ['districts, bimonth 201203B', card('district', '201203B')],
      ['departments, year 2012', card('department', '2012')],
      ['districts, year 2012, as Excel', async () => scorecardXlsx(await card('district', '2012')())],
    ];
    const cases: ScorecardCase[] = [];
    for (const [name, run] of timed) {
      let rows = 0;
      const s = await samples(async () => {
        const result = await run();
        rows = Buffer.isBuffer(result) ? 6 : result.rows.length;
      }, options.repeats);
      const p50 = percentile(s, 50);
      cases.push({ case: name, p50Ms: round(p50, 1), p99Ms: round(percentile(s, 99), 1), rows, ratioToBaseline: round(p50 / baseline, 1) });
    }
    return {
      events: loaded.events,
      households: options.households,
      baseline: { case: 'certification-rate by district, 6 bimonths', p50Ms: round(baseline, 2) },
      cases,
    };
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}
