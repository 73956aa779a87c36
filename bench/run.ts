/**
 * `npm run bench`: runs the benchmarks against one PostgreSQL, prints a table per section and writes
 * bench/results.json. Figures are medians of repeated runs, beside a baseline measured in the same run.
 * Sections: appends, http, feed, audit, projections, proofs, peers, web, scorecard, bulletins, replica; `npm run bench -- http audit` runs those; BENCH_SCALE=0.1 shrinks every size.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAppends, defaultAppendOptions, Throughput } from './appends';
import { caseAuthority } from './case-authority';
import { benchAnalysedWhileEmpty, defaultAnalysedWhileEmptyOptions } from './appends-analysed';
import { openBenchDatabase } from './support/database';
import { audit, feed, http, projections, proofs, Section } from './support/sections';
import { bulletins, peers, replica, scorecard, web } from './support/outer-sections';
import { BENCH_OPTIONS, benchArgs } from './support/options';

const sections: Record<string, Section> = {
  appends: async (url, scale) => {
    const o = defaultAppendOptions;
    const results = await benchAppends(url, {
      ...o,
      singleOps: Math.max(50, Math.round(o.singleOps * scale)),
      batchOps: Math.max(10, Math.round(o.batchOps * scale)),
      lagEvents: Math.max(50, Math.round(o.lagEvents * scale)),
    });
    const a = defaultAnalysedWhileEmptyOptions;
    const analysedWhileEmpty = await benchAnalysedWhileEmpty(url, {
      ...a,
      singleOps: Math.max(50, Math.round(a.singleOps * scale)),
      batchOps: Math.max(10, Math.round(a.batchOps * scale)),
    });
    const { single, batch, subscriberLag } = results;
    const row = (name: string, store: Throughput, baseline: string, base: Throughput, ratio: number) => ({
      case: name,
      'events/s': store.perSecond,
      'p50 ms': store.p50Ms,
      'p99 ms': store.p99Ms,
      baseline,
      'baseline/s': base.perSecond,
      'baseline p99 ms': base.p99Ms,
      ratio,
    });
    const batchCase = `append of ${batch.batchSize}, concurrency ${batch.concurrency}`;
    const summary = [
      ...single.flatMap((s) => [
        row(`single-event append, concurrency ${s.concurrency}`, s.eventStore, 'single-row INSERT', s.plainInsert, s.ratio),
        row(
          `single-event append, concurrency ${s.concurrency}`,
          s.eventStore,
          'single-row INSERT, narrow table',
          s.narrowInsert,
          s.ratioToNarrow,
        ),
      ]),
      row(batchCase, batch.eventStore, 'multi-row INSERT', batch.multiRowInsert, batch.ratioToMultiRow),
      row(batchCase, batch.eventStore, 'multi-row INSERT, narrow table', batch.narrowMultiRowInsert, batch.ratioToNarrow),
      row(batchCase, batch.eventStore, 'COPY', batch.copy, batch.ratioToCopy),
      row(
        `analysed while empty: single-event append, concurrency ${analysedWhileEmpty.single.concurrency}`,
        analysedWhileEmpty.single.eventStore,
        'single-row INSERT, analysed while empty',
        analysedWhileEmpty.single.plainInsert,
        analysedWhileEmpty.single.ratio,
      ),
      row(
        `analysed while empty: append of ${analysedWhileEmpty.batch.batchSize}, concurrency ${analysedWhileEmpty.batch.concurrency}`,
        analysedWhileEmpty.batch.eventStore,
        'multi-row INSERT, analysed while empty',
        analysedWhileEmpty.batch.plainInsert,
        analysedWhileEmpty.batch.ratio,
      ),
      { case: 'append-to-subscriber lag', 'p50 ms': subscriberLag.p50Ms, 'p99 ms': subscriberLag.p99Ms },
    ];
    return { summary, results: { ...results, analysedWhileEmpty } };
  },
  http,
  'case-authority': caseAuthority,
  feed,
  audit,
  projections,
  proofs,
  peers,
  web,
  scorecard,
  bulletins,
  replica,
};

async function main(): Promise<void> {
  const wanted = benchArgs(BENCH_OPTIONS).positionals;
  const unknown = wanted.filter((name) => !(name in sections));
  if (unknown.length) throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const database = await openBenchDatabase();
  const file = join(__dirname, '../../bench/results.json');
  const run = {
    machine: { cpus: require('node:os').cpus().length, node: process.version },
    database: database.server,
    scale,
    startedAt: new Date().toISOString(),
  };
  // Sections run alone keep the other sections' last figures; each section records the run it came from.
  const previous: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const report = Object.fromEntries(Object.entries(previous).filter(([key]) => key in sections));
  try {
    for (const [index, name] of (wanted.length ? wanted : Object.keys(sections)).entries()) {
      // Each section on a log of its own, so one's events do not weigh on the next.
      const { summary, results } = await sections[name](index === 0 ? database.url : await database.another(), scale, database.another);
      console.log(`\n== ${name} ==`);
      console.table(summary);
      report[name] = { run: { ...run, finishedAt: new Date().toISOString() }, summary, results };
      writeFileSync(file, JSON.stringify(report, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2) + '\n');
    }
  } finally {
    await database.close();
  }
  console.log('\nwritten: bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
