/**
 * The shapes of a bulk write (columns, cells, summed count entries) and its one statement, apart from the
 * batch-level writers of bulk-writes.ts: the rebuild's write-behind writes with them too, and bulk-writes
 * finds the write-behind, so each importing the other's module would tie the two in a circle.
 */
import { EntityManager } from 'typeorm';

export type ColumnType = 'text' | 'int' | 'bigint' | 'boolean';

/** A column of a bulk write: its name and the PostgreSQL type of the array its values travel in. */
export interface BulkColumn {
  readonly name: string;
  readonly type: ColumnType;
}

export type CellValue = string | number | boolean | bigint;

/** `columns` typed as one type: the common case of a key made of text columns. */
export function columnsOf(type: ColumnType, ...names: string[]): BulkColumn[] {
  return names.map((name) => ({ name, type }));
}

/**
 * Inserts `rows` (each in the order of `columns`) into `table`; `onConflict` is the statement's tail, e.g.
 * `ON CONFLICT (id) DO NOTHING`. ON CONFLICT DO UPDATE refuses to touch a row twice in one statement: the
 * caller sends each key once (CountDeltas and RowChanges do).
 */
export async function insertRows(
  tx: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly CellValue[])[],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((row) => toParameter(row[i])));
  const unnest = columns.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ');
  const names = columns.map((column) => column.name).join(', ');
  await tx.query(`INSERT INTO ${table} AS t (${names}) SELECT * FROM unnest(${unnest}) ${onConflict}`, arrays);
}

/** One key's summed counts (in the order of the count columns). */
export interface CountEntry {
  readonly key: readonly CellValue[];
  readonly counts: readonly number[];
}

function toParameter(value: CellValue): string | number | boolean {
  return typeof value === 'bigint' ? value.toString() : value;
}
