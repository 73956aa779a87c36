/**
 * A count table's district rollup: the same counts summed over the villages of each district, so a city- or
 * district-level indicator sums hundreds of rows instead of the tens of thousands the village grain holds
 * (at 1,000,000 events, 52,000 category rows and 150,000 satisfaction rows). Statement-level triggers keep
 * it in step inside the writer's own transaction, from the rows each statement changed (transition tables):
 * one extra statement per write statement, whatever the number of rows, and the writers need not know it.
 * Relative imports only: read-model definitions run in migrations.
 */
import { OrgUnitLevel } from './org-unit-path';

export interface RollupSpec {
  /** The village-grain count table. */
  table: string;
  /** Key columns besides the org-unit path, with their DDL types, e.g. `category text`. */
  keys: readonly string[];
  /** Count columns with their DDL types, e.g. `active int`. */
  counts: readonly string[];
}

/** The levels a district rollup answers: grouped at and filtered by the city or a district. */
export const ROLLUP_LEVELS: readonly OrgUnitLevel[] = ['city', 'district'];

/** `district_category_counts` for `category_counts`: a `_counts` table too (all-zero rows mean no row). */
export const rollupTable = (table: string) => `district_${table}`;

const names = (columns: readonly string[]) => columns.map((column) => column.split(' ')[0]);

/** DDL: the rollup table, the function that folds a statement's changed rows into it, and its triggers. */
export function districtRollupDdl(schema: string, spec: RollupSpec): string[] {
  const rollup = `${schema}.${rollupTable(spec.table)}`;
  const keys = ['district_code', 'city_code', ...names(spec.keys)];
  const counts = names(spec.counts);
  const fold = (sources: string) => `
    INSERT INTO ${rollup} AS r (${[...keys, ...counts].join(', ')})
    SELECT ${keys.join(', ')}, ${counts.map((c) => `sum(${c})`).join(', ')} FROM (${sources}) changed GROUP BY ${keys.join(', ')}
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counts.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')};`;
  const added = `SELECT ${[...keys, ...counts].join(', ')} FROM new_rows`;
  const removed = `SELECT ${[...keys, ...counts.map((c) => `-${c} AS ${c}`)].join(', ')} FROM old_rows`;
  const fn = `${schema}.roll_up_${spec.table}`;
  const trigger = (event: string, transitions: string) =>
    `CREATE TRIGGER roll_up_${event.toLowerCase()} AFTER ${event} ON ${schema}.${spec.table} REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`;
  return [
    `CREATE TABLE ${rollup} (district_code text NOT NULL, city_code text NOT NULL, ${spec.keys.join(', ')},
       ${spec.counts.map((c) => `${c} NOT NULL DEFAULT 0`).join(', ')}, PRIMARY KEY (${keys.join(', ')}))`,
    // Each branch names only the transition tables its trigger has: PL/pgSQL plans a statement when it first runs it.
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fold$
     BEGIN
       IF TG_OP = 'INSERT' THEN ${fold(added)}
       ELSIF TG_OP = 'UPDATE' THEN ${fold(`${added} UNION ALL ${removed}`)}
       ELSE ${fold(removed)}
       END IF;
       RETURN NULL;
     END $fold$`,
    trigger('INSERT', 'NEW TABLE AS new_rows'),
    trigger('UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'),
    trigger('DELETE', 'OLD TABLE AS old_rows'),
  ];
}
