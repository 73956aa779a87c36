/**
 * Where an indicator answer's time goes, against a kept database (see kept-database.ts): every statement
 * the answer sends (counted and timed at the pg client, so round trips show), and what is left for
 * JavaScript (TypeORM, row mapping, JSON or CSV). Medians over repeated runs; a diagnostic, not a figure.
 *
 *   BENCH_DATABASE_URL=... node -r ./scripts/projections/register.js bench/query-profile.ts [--repeats 100]
 */
import { Client } from 'pg';
import { openDatabase } from '../libs/database/data-source';
import { answerIndicator, parseIndicatorRequest, toCsv } from '../libs/indicators';
import { catalogue, databaseSchema } from '../projections/index';
import { BENCH_QUERIES } from './queries';
import { median, round } from './support/stats';
import { benchArgs } from './support/options';

interface Statement {
  text: string;
  ms: number;
}
const statements: Statement[] = [];

/** Times every query the pg client sends, whatever sends it (TypeORM or a raw client). */
function recordStatements(): void {
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string };
    const text = typeof config === 'string' ? config : config.text;
    const started = process.hrtime.bigint();
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    if (!result || typeof result.then !== 'function') return result;
    return result.then((value) => {
      statements.push({ text, ms: Number(process.hrtime.bigint() - started) / 1e6 });
      return value;
    });
  };
}

const shorten = (text: string) => text.replace(/\s+/g, ' ').slice(0, 60);

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url?.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
  const repeats = benchArgs(['repeats']).integer('repeats', 100);
  recordStatements();
  const dataSource = await openDatabase(url, databaseSchema);
  try {
    for (const [name, query] of BENCH_QUERIES) {
      const indicator = catalogue.find(name)!;
      const totals: number[] = [];
      const perStatement = new Map<string, number[]>();
      const formatting = { json: [] as number[], csv: [] as number[] };
      for (let run = 0; run < repeats + 5; run++) {
        statements.length = 0;
        const started = process.hrtime.bigint();
        const answer = await answerIndicator(dataSource, indicator, parseIndicatorRequest(indicator, query));
        const total = Number(process.hrtime.bigint() - started) / 1e6;
        const jsonStarted = process.hrtime.bigint();
        JSON.stringify(answer);
        const csvStarted = process.hrtime.bigint();
        toCsv(answer, indicator);
        const csvEnded = process.hrtime.bigint();
        if (run < 5) continue;
        totals.push(total);
        formatting.json.push(Number(csvStarted - jsonStarted) / 1e6);
        formatting.csv.push(Number(csvEnded - csvStarted) / 1e6);
        statements.forEach((s, n) =>
          perStatement.set(`${n + 1}. ${shorten(s.text)}`, [...(perStatement.get(`${n + 1}. ${shorten(s.text)}`) ?? []), s.ms]),
        );
      }
      const inStatements = [...perStatement.values()].reduce((sum, samples) => sum + median(samples), 0);
      console.log(
        `\n${name}?${decodeURIComponent(String(new URLSearchParams(query)))}: answer p50 ${round(median(totals), 2)} ms, ` +
          `${perStatement.size} round trips (${round(inStatements, 2)} ms), the rest ${round(median(totals) - inStatements, 2)} ms; ` +
          `JSON.stringify ${round(median(formatting.json), 3)} ms, toCsv ${round(median(formatting.csv), 3)} ms`,
      );
      for (const [text, samples] of perStatement) console.log(`  ${round(median(samples), 3).toFixed(3).padStart(8)} ms  ${text}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
