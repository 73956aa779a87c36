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

/**
 * DDL: where the bound leaves cells open, their distinct households are counted from the per-event table, by
 * org unit and month: without these, each such answer read the whole table (a township's month: p99 45 ms at a
 * million events, 22 with them; docs/scaling.md). Plain indexes: a rebuild builds them once, after its load.
 */
export function perEventCellIndexesDdl(schema: string, table: string): string[] {
  return ['village_code', 'township_code', 'district_code'].map((column) => `CREATE INDEX ON ${schema}.${table} (${column}, period)`);
}
