/** The analyst queries of the read-side benchmark, timed one at a time against a rebuilt database. */
import { DataSource } from 'typeorm';
import { findIndicator } from '../projections/indicators/catalogue';
import { answerIndicator } from '../projections/indicators/indicator-service';
import { parseIndicatorRequest } from '../projections/indicators/indicator-request';
import { percentile, round } from './support/stats';

const QUERIES: [string, Record<string, string>][] = [
  ['households-enrolled', { ou: '640100', level: 'district', pe: '2012', by: 'category' }],
  ['satisfaction-rate', { ou: '640104', level: 'township', pe: '2012Q1;2012Q2', by: 'serviceType' }],
  ['pilot-village-coverage', { ou: '640100', level: 'township', pe: '2012' }],
  ['loans-granted', { ou: '640100', level: 'district', by: 'programme' }],
  ['needs-met-rate', { ou: '640104001', level: 'village', pe: '201201B;201202B', by: 'focusArea' }],
];

/** One query at a time, so each latency is the query's own and not a queue behind the others. */
export async function timeQueries(dataSource: DataSource, repeats: number) {
  const results = [];
  for (const [name, query] of QUERIES) {
    const indicator = findIndicator(name)!;
    const request = parseIndicatorRequest(indicator, query);
    for (let i = 0; i < 5; i++) await answerIndicator(dataSource, indicator, request);
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < repeats; i++) {
      const started = process.hrtime.bigint();
      rows = (await answerIndicator(dataSource, indicator, request)).rows.length;
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    results.push({ query: `${name}?${new URLSearchParams(query)}`, rows, 'p50 ms': round(percentile(samples, 50), 2), 'p99 ms': round(percentile(samples, 99), 2) });
  }
  return results;
}

