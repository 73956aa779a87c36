/** A write-behind's window (write-behind.ts), detached from the fold and written in one flush transaction. */
import { EntityManager } from 'typeorm';
import { BulkColumn, CellValue, insertRows } from './bulk-writes';
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
