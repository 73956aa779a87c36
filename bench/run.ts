/**
 * `npm run bench`: runs the benchmarks against one PostgreSQL, prints a table per section and writes
 * bench/results.json. Figures are medians of repeated runs, beside a baseline measured in the same run.
 * Sections: appends, http, feed, audit; `npm run bench -- http audit` runs those; BENCH_SCALE=0.1 shrinks every size.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAppends, defaultAppendOptions } from './appends';
import { openBenchDatabase } from './support/database';
import { audit, feed, http, projections, Section } from './support/sections';

const sections: Record<string, Section> = {
  appends: async (url, scale) => {
    const o = defaultAppendOptions;
    const results = await benchAppends(url, {
      ...o,
      singleOps: Math.max(50, Math.round(o.singleOps * scale)),
      batchOps: Math.max(10, Math.round(o.batchOps * scale)),
      lagEvents: Math.max(50, Math.round(o.lagEvents * scale)),
    });
    const summary = [
      ...results.single.map((s) => ({
        case: `single-event append, concurrency ${s.concurrency}`, 'events/s': s.eventStore.perSecond, 'p50 ms': s.eventStore.p50Ms,
        'p99 ms': s.eventStore.p99Ms, baseline: 'single-row INSERT', 'baseline/s': s.plainInsert.perSecond, 'baseline p99 ms': s.plainInsert.p99Ms, ratio: s.ratio,
      })),
      {
        case: `append of ${results.batch.batchSize}, concurrency ${results.batch.concurrency}`, 'events/s': results.batch.eventStore.perSecond,
        'p50 ms': results.batch.eventStore.p50Ms, 'p99 ms': results.batch.eventStore.p99Ms, baseline: 'multi-row INSERT',
        'baseline/s': results.batch.multiRowInsert.perSecond, 'baseline p99 ms': results.batch.multiRowInsert.p99Ms, ratio: results.batch.ratioToMultiRow,
      },
      {
        case: `append of ${results.batch.batchSize}, concurrency ${results.batch.concurrency}`, 'events/s': results.batch.eventStore.perSecond,
        'p50 ms': results.batch.eventStore.p50Ms, 'p99 ms': results.batch.eventStore.p99Ms, baseline: 'COPY',
        'baseline/s': results.batch.copy.perSecond, 'baseline p99 ms': results.batch.copy.p99Ms, ratio: results.batch.ratioToCopy,
      },
      { case: 'append-to-subscriber lag', 'p50 ms': results.subscriberLag.p50Ms, 'p99 ms': results.subscriberLag.p99Ms },
    ];
    return { summary, results };
  },
  http,
  feed,
  audit,
  projections,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in sections));
  if (unknown.length) throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const database = await openBenchDatabase();
  const file = join(__dirname, '../../bench/results.json');
  const run = { machine: { cpus: require('node:os').cpus().length, node: process.version }, database: database.server, scale, startedAt: new Date().toISOString() };
  // Sections run alone keep the other sections' last figures; each section records the run it came from.
  const previous: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const report = Object.fromEntries(Object.entries(previous).filter(([key]) => key in sections));
  try {
    for (const [index, name] of (wanted.length ? wanted : Object.keys(sections)).entries()) {
      // Each section on a log of its own, so one's events do not weigh on the next.
      const { summary, results } = await sections[name](index === 0 ? database.url : await database.another(), scale);
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
