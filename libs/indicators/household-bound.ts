/**
 * The bound that spares most distinct-household counts (distinct-households.ts): per household (or screening
 * record), how many events behind cell sizes the read model holds. Its largest count M bounds every cell: no
 * household gives a cell more than M events. Relative imports only: read-model definitions run in migrations.
 */

/**
 * DDL: the table of events per household (`key` the household or record, `n` its events), kept by the projection
 * through CountDeltas in the transaction of its counts. The index on `n` makes `max(n)` one index probe.
 */
export function householdBoundDdl(schema: string, table: string, key: string): string[] {
  return [`CREATE TABLE ${schema}.${table} (${key} text PRIMARY KEY, n int NOT NULL DEFAULT 0)`, `CREATE INDEX ON ${schema}.${table} (n)`];
}
