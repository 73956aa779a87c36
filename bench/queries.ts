/**
 * The analyst queries of the read-side benchmark, timed one at a time against a rebuilt database, each as
 * the JSON and as the CSV text the API would send (the answer, then JSON.stringify as Nest does, or the
 * controller's toCsv), and as the JSON an analyst gets (small cells suppressed, judged with their siblings and
 * wholes: more statements). A trivial round trip timed in the same run is the baseline each query is read against.
 */
import { DataSource } from 'typeorm';
import { Principal } from '../libs/auth/principal';
import { answerIndicator, answerSuppressed, Indicator, parseIndicatorRequest, toCsv } from '../libs/indicators';
import { catalogue } from '../projections/index';
import { percentile, round } from './support/stats';

const MONTHS_2012 = Array.from({ length: 12 }, (_, i) => `2012${String(i + 1).padStart(2, '0')}`).join(';');

/** Issue 9's five (city by category, district by month, satisfaction by department, loans by programme, certification rate), and two of small cells. */
export const BENCH_QUERIES: readonly [string, Record<string, string>][] = [
  ['households-enrolled', { ou: '640100', level: 'city', by: 'category' }],
  ['households-enrolled', { ou: '640100', level: 'district', pe: MONTHS_2012 }],
  ['satisfaction-rate', { ou: '640100', level: 'district', pe: '2012', by: 'department' }],
  ['loans-granted', { ou: '640100', level: 'district', by: 'programme' }],
  ['certification-rate', { ou: '640100', level: 'district', pe: '2012;2013;2014' }],
  // Cells the per-household bound leaves open (libs/indicators/distinct-households.ts): their distinct households are counted.
  ['satisfaction-rate', { ou: '640104', level: 'township', pe: '201203', by: 'serviceType' }],
  ['satisfaction-rate', { ou: '640104001', level: 'village', pe: '201203' }],
];

const FORMATS = ['json', 'csv', 'json, analyst'] as const;
const ANALYST: Principal = { sub: 'bench-analyst', roles: ['analyst'], ou: '640100', scopes: [] };
type Format = (typeof FORMATS)[number];

type Timed = () => Promise<unknown>;

async function samplesOf(run: Timed, repeats: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

/** The body the API sends for this answer in this format. */
async function respond(
  dataSource: DataSource,
  indicator: Indicator,
  query: Record<string, string>,
  format: Format,
): Promise<{ rows: number; body: string }> {
  const request = parseIndicatorRequest(indicator, query);
  const answer = await (format === 'json, analyst'
    ? answerSuppressed(dataSource, indicator, request, ANALYST)
    : answerIndicator(dataSource, indicator, request));
  return { rows: answer.rows.length, body: format === 'csv' ? toCsv(answer, indicator) : JSON.stringify(answer) };
}

/** One query at a time, so each latency is the query's own and not a queue behind the others. */
export async function timeQueries(dataSource: DataSource, repeats: number) {
  const roundTrips = await samplesOf(() => dataSource.query('SELECT 1'), repeats);
  const roundTrip = percentile(roundTrips, 50);
  const results = [];
  for (const [name, query] of BENCH_QUERIES) {
    const indicator = catalogue.find(name)!;
    for (const format of FORMATS) {
      let rows = 0;
      const samples = await samplesOf(async () => (rows = (await respond(dataSource, indicator, query, format)).rows), repeats);
      const p50 = percentile(samples, 50);
      results.push({
        query: `${name}?${decodeURIComponent(String(new URLSearchParams(query)))}`,
        format,
        rows,
        'p50 ms': round(p50, 2),
        'p99 ms': round(percentile(samples, 99), 2),
        'p50 / SELECT 1': round(p50 / roundTrip, 1),
        'SELECT 1 p99 ms': round(percentile(roundTrips, 99), 2),
      });
    }
  }
  return results;
}
