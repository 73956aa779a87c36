/** A write-behind's window (write-behind.ts), detached from the fold and written in one flush transaction. */
import { EntityManager } from 'typeorm';
import { BulkColumn, CellValue, ColumnType, CountEntry, insertRows } from './bulk-rows';
import { copyRows } from './copy-rows';
import { stageCountRows } from './staged-counts';

export type Row = Record<string, unknown>;

/** Rows of one table changed in the window, by primary key: `fresh` when the table does not hold the key. */
export interface PendingRows {
  columns: readonly BulkColumn[];
  keyColumn: string;
  updated: readonly string[];
  rows: Map<string, { row: Row; fresh: boolean }>;
  /** Keys looked up and found missing in the table (nor pending): writing them needs no look-up. */
  absent: Set<string>;
}

export interface PendingCounts {
  columns: readonly BulkColumn[];
  countColumns: readonly string[];
  conflictKey: readonly string[];
  sums: Map<string, CellValue[]>;
}

export interface Window {
  /** Rows as objects, turned into cells only as they are written: cells made at detach outlived a GC or two. */
  rows: { table: string; pending: PendingRows; fresh: Row[]; changed: Row[] }[];
  counts: { table: string; pending: PendingCounts; rows: CellValue[][] }[];
  /** The rows by table and key, as they were detached: what a look-up answers until the window is committed. */
  held: Map<string, PendingRows['rows']>;
  /** Staged count tables the write-behind knows exist (staged-counts.ts), shared by its windows. */
  staged: Set<string>;
}

/** New rows by COPY, changed rows by one upsert per table, count rows by COPY into their staged tables (staged-counts.ts). */
export async function writeWindow(tx: EntityManager, window: Window): Promise<void> {
  for (const { table, pending, fresh, changed } of window.rows) {
    const cells = (row: Row) => pending.columns.map((c) => row[c.name] as CellValue);
    await copyRows(tx, table, pending.columns, fresh, cells);
    const set = pending.updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
    if (changed.length > 0)
      await insertRows(tx, table, pending.columns, changed.map(cells), `ON CONFLICT (${pending.keyColumn}) DO UPDATE SET ${set}`);
  }
  for (const { table, pending, rows } of window.counts)
    await stageCountRows(tx, table, pending.columns, { key: pending.conflictKey, sums: pending.countColumns }, rows, window.staged);
}

/** Count entries summed into a window's sums by conflict key (one whose counts are all zero left out); the keys new to it. */
export function addCounts(pending: PendingCounts, keyColumns: readonly BulkColumn[], entries: Iterable<CountEntry>): number {
  const keyAt = pending.conflictKey.map((name) => keyColumns.findIndex((c) => c.name === name));
  const width = keyColumns.length;
  let added = 0;
  for (const { key, counts } of entries) {
    if (counts.every((c) => c === 0)) continue;
    let id = String(key[keyAt[0]]);
    for (let k = 1; k < keyAt.length; k++) id += '\u0001' + String(key[keyAt[k]]);
    const sum = pending.sums.get(id);
    if (!sum) {
      pending.sums.set(id, [...key, ...counts]);
      added++;
    } else for (let i = 0; i < counts.length; i++) sum[width + i] = (sum[width + i] as number) + counts[i];
  }
  return added;
}

/** A row as the pg driver answers it: int as number, bigint as string, boolean, text. */
export function rowOf(columns: readonly BulkColumn[], cells: readonly CellValue[]): Row {
  const row: Row = {};
  columns.forEach((c, i) => (row[c.name] = asStored(c.type, cells[i])));
  return row;
}

export function asStored(type: ColumnType, value: CellValue): string | number | boolean {
  if (type === 'int') return Number(value);
  if (type === 'boolean') return Boolean(value);
  return String(value);
}
