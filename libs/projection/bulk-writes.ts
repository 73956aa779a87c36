/**
 * Set-based writes for projections that apply a whole batch at once: many rows in one statement,
 * `INSERT ... SELECT * FROM unnest($1::text[], $2::int[], ...)`, whose text does not depend on how many rows
 * it carries (so it is prepared once per connection, see prepared.ts). A rebuild applying one statement per
 * event spent its time in round trips; a batch of 2,000 events now costs a handful.
 */
import { EntityManager } from 'typeorm';
import { BulkColumn, CellValue, ColumnType, CountEntry, insertRows } from './bulk-rows';
import { writeBehindOf } from './write-behind';

export { columnsOf, insertRows } from './bulk-rows';
export type { BulkColumn, CellValue, ColumnType, CountEntry } from './bulk-rows';

/**
 * Rows of `table` whose `keyColumn` is one of `keys`, in one statement. A join with the unnested keys, not
 * `= ANY($1)`: a copy being rebuilt has no statistics yet, and for `= ANY` of a thousand keys the planner then
 * scans the whole table for every batch (quadratic in the log); the join is a lookup per key whatever it knows.
 */
export async function selectByKeys<Row>(tx: EntityManager, table: string, keyColumn: string, keys: Iterable<string>): Promise<Row[]> {
  const list = [...new Set(keys)];
  if (list.length === 0) return [];
  const behind = writeBehindOf(tx);
  if (behind) return behind.select<Row>(table, keyColumn, list);
  return tx.query(`SELECT t.* FROM unnest($1::text[]) AS k(key) JOIN ${table} AS t ON t.${keyColumn} = k.key`, [list]);
}

/**
 * Count changes of a batch summed per key (an org-unit path and the dimensions of a count table), so each
 * count row is written once per batch whatever the number of events that moved it. Pure: no I/O.
 */
export class CountDeltas {
  private readonly sums = new Map<string, { key: CellValue[]; counts: number[] }>();

  constructor(
    readonly keyColumns: readonly BulkColumn[],
    readonly countColumns: readonly string[],
  ) {}

  add(key: readonly CellValue[], deltas: Readonly<Record<string, number>>): void {
    // Called once per event and count table (a rebuild's hottest path): a joined key, no intermediate arrays.
    let id = String(key[0]);
    for (let k = 1; k < key.length; k++) id += '\u0001' + String(key[k]);
    let entry = this.sums.get(id);
    if (!entry) this.sums.set(id, (entry = { key: [...key], counts: new Array<number>(this.countColumns.length).fill(0) }));
    for (const column in deltas) {
      const i = this.countColumns.indexOf(column);
      if (i < 0) throw new Error(`no count column ${column}`);
      entry.counts[i] += deltas[column];
    }
  }

  /** Key values then counts, for every key whose counts did not sum to zero. */
  rows(): CellValue[][] {
    return [...this.sums.values()].filter((e) => e.counts.some((c) => c !== 0)).map((e) => [...e.key, ...e.counts]);
  }

  /**
   * The summed entries as they are now (a rebuild's write-behind adds them into its window without a row
   * each): a list, so that an add after this hand-over is not read into the window later.
   */
  entries(): readonly CountEntry[] {
    return [...this.sums.values()];
  }

  /** Adds the deltas to `table` (whose primary key is `conflictKey`), creating rows that are missing. */
  async write(tx: EntityManager, table: string, conflictKey: readonly string[], countType: ColumnType = 'int'): Promise<void> {
    const behind = writeBehindOf(tx);
    if (behind) return behind.stageCounts(table, this.keyColumns, this.countColumns, conflictKey, countType, this.entries());
    const columns = [...this.keyColumns, ...this.countColumns.map((name): BulkColumn => ({ name, type: countType }))];
    const set = this.countColumns.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ');
    await insertRows(tx, table, columns, this.rows(), `ON CONFLICT (${conflictKey.join(', ')}) DO UPDATE SET ${set}`);
  }
}

/**
 * The rows a batch created or changed, keyed by primary key, each kept once (its state after the batch's
 * last event). Written with one upsert that overwrites `updated` columns.
 */
export class RowChanges<Row> {
  private readonly changed = new Map<string, Row>();

  constructor(
    private readonly columns: readonly BulkColumn[],
    private readonly cells: (row: Row) => CellValue[],
  ) {}

  set(key: string, row: Row): void {
    this.changed.set(key, row);
  }

  get size(): number {
    return this.changed.size;
  }

  async write(tx: EntityManager, table: string, conflictKey: string, updated: readonly string[]): Promise<void> {
    const behind = writeBehindOf(tx);
    if (behind) return behind.stageRows(table, this.columns, conflictKey, updated, [...this.changed.values()].map(this.cells));
    const onConflict =
      updated.length === 0
        ? `ON CONFLICT (${conflictKey}) DO NOTHING`
        : `ON CONFLICT (${conflictKey}) DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
    await insertRows(tx, table, this.columns, [...this.changed.values()].map(this.cells), onConflict);
  }
}
