/**
 * What the district rollups cost the writers: rebuilds each read model from the kept database's log with
 * its rollup (table and triggers) and without, alternately, and reports the rates side by side. Leaves the
 * read models rebuilt with their rollups. A diagnostic against a kept database (see kept-database.ts).
 *
 *   BENCH_DATABASE_URL=... node -r ./scripts/projections/register.js bench/rollup-cost.ts [--rounds 2] [category-counts ...]
 */
import { openDatabase } from '../libs/database/data-source';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { Projection } from '../libs/projection/projection';
import { rebuildProjection } from '../libs/projection/rebuild';
import { databaseSchema, indicatorProjections } from '../projections/index';
import { median, round } from './support/stats';
import { benchArgs } from './support/options';

/** The same projection with the rollup statements left out of its DDL. */
const withoutRollup = (projection: Projection): Projection => ({
  ...projection,
  tables: (s: string) => projection.tables(s).filter((ddl) => !/\.district_|roll_up_/.test(ddl)),
});

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url?.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
  const args = benchArgs(['rounds']);
  const rounds = args.integer('rounds', 2);
  const names = args.positionals;
  const dataSource = await openDatabase(url, databaseSchema);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 2 });
  try {
    const rows = [];
    for (const projection of indicatorProjections.filter((p) => names.length === 0 || names.includes(p.name))) {
      const rates: Record<'without' | 'with', number[]> = { without: [], with: [] };
      for (let round = 0; round < rounds; round++) {
        for (const [kind, variant] of [
          ['without', withoutRollup(projection)],
          ['with', projection],
        ] as const) {
          const started = process.hrtime.bigint();
          const { eventsApplied } = await rebuildProjection(variant, store, dataSource, { batchSize: 2000 });
          rates[kind].push(eventsApplied / (Number(process.hrtime.bigint() - started) / 1e9));
        }
      }
      const without = median(rates.without);
      const withRollup = median(rates.with);
      rows.push({
        projection: projection.name,
        'events/s without': Math.round(without),
        'events/s with': Math.round(withRollup),
        'with / without': round(withRollup / without, 3),
      });
      console.log(rows[rows.length - 1]);
    }
    console.table(rows);
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
