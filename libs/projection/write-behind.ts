/**
 * A rebuild's write-behind: the rows a single reader folds from the log into an empty copy are held in memory
 * for many batches and written together (new rows by COPY, changed ones by one upsert per table, count deltas
 * summed over the whole window), instead of one guarded upsert per table per batch. Only bulk-written
 * projections (every read and write of their tables through bulk-writes.ts) use it: bulk-writes finds it on
 * the transaction handed to `applyBatch` (`writeBehindOf`). The incremental path never does.
 */
import { EntityManager } from 'typeorm';
import { BulkColumn, CellValue, ColumnType, CountEntry } from './bulk-rows';
import { addCounts, PendingCounts, PendingRows, Row, rowOf, asStored, Window, writeWindow } from './write-window';
import { WrittenKeys } from './written-keys';

type Lookup = (table: string, keyColumn: string, keys: string[]) => Promise<Row[]>;
type Staged = () => Promise<void>;

const registry = new WeakMap<object, WriteBehind>();

/** The write-behind a rebuild attached to `tx`, if any. */
export function writeBehindOf(tx: object): WriteBehind | undefined {
  return registry.get(tx);
}

export class WriteBehind {
  private readonly rowTables = new Map<string, PendingRows>();
  private readonly countTables = new Map<string, PendingCounts>();
  private staged: Staged[] = [];
  private readonly stagedTables = new Set<string>();
  private flushing?: { window: Window; done: Promise<void> };
  private pendingRows = 0;

  /** Keys written per table, while every row of the copy went through this write-behind. */
  private readonly written: WrittenKeys;

  /**
   * `lookup` reads committed rows of the copy (everything flushed is committed). `fromEmpty`: the copy was
   * empty when this write-behind started, so a key it never wrote is not in it and is not looked up.
   */
  constructor(
    private readonly lookup: Lookup,
    fromEmpty = false,
  ) {
    this.written = new WrittenKeys(fromEmpty);
  }

  /** Rows reached the copy another way (a batch applied apart): from now on every unknown key is looked up. */
  distrustWritten(): void {
    this.written.distrust();
  }

  /** A stand-in transaction for `applyBatch`: bulk-writes reach this through it; a direct query is a mistake. */
  transaction(): EntityManager {
    const tx = {
      query: () => Promise.reject(new Error('a write-behind rebuild accepts bulk-writes only (selectByKeys, RowChanges, CountDeltas)')),
    };
    registry.set(tx, this);
    return tx as unknown as EntityManager;
  }

  /** Rows held (changed rows and count rows): the rebuild flushes past a threshold. */
  get size(): number {
    return this.pendingRows;
  }

  /** Rows by key: those changed in the window from memory, the rest from the table. */
  async select<T>(table: string, keyColumn: string, keys: readonly string[]): Promise<T[]> {
    const pending = this.rowTables.get(table);
    const found: Row[] = [];
    const missing: string[] = [];
    for (const key of keys) {
      const held = pending?.rows.get(key);
      if (held) found.push({ ...held.row });
      else if (!pending?.absent.has(key) && this.written.mayBeStored(table, key)) missing.push(key);
    }
    if (missing.length > 0) {
      const stored = await this.fromFlushing(table, keyColumn, missing);
      found.push(...stored);
      if (pending) {
        const seen = new Set(stored.map((r) => String(r[keyColumn])));
        for (const key of missing) if (!seen.has(key)) pending.absent.add(key);
      }
    }
    return found as T[];
  }

  /** RowChanges.write: staged until the batch's applyBatch succeeds (a failing batch leaves nothing behind). */
  stageRows(table: string, columns: readonly BulkColumn[], keyColumn: string, updated: readonly string[], rows: CellValue[][]): void {
    this.staged.push(() => this.mergeRows(table, columns, keyColumn, updated, rows));
  }

  /** CountDeltas.write: summed per conflict key over the window (an entry whose counts sum to zero is left out). */
  stageCounts(
    table: string,
    keyColumns: readonly BulkColumn[],
    countColumns: readonly string[],
    conflictKey: readonly string[],
    countType: ColumnType,
    entries: Iterable<CountEntry>,
  ): void {
    this.staged.push(async () => {
      let pending = this.countTables.get(table);
      if (!pending) {
        const columns = [...keyColumns, ...countColumns.map((name): BulkColumn => ({ name, type: countType }))];
        this.countTables.set(table, (pending = { columns, countColumns, conflictKey, sums: new Map() }));
      }
      this.pendingRows += addCounts(pending, keyColumns, entries);
    });
  }

  /** The batch succeeded: its writes join the window. */
  async commitBatch(): Promise<void> {
    const staged = this.staged;
    this.staged = [];
    for (const apply of staged) await apply();
  }

  /** The batch failed: its writes are dropped. */
  discardBatch(): void {
    this.staged = [];
  }

  /** Writes the window in `tx` (new rows by COPY) and empties it. */
  async flush(tx: EntityManager): Promise<void> {
    await writeWindow(tx, this.detach());
  }

  /**
   * Empties the window into a Window to write (the fold goes on into new maps while it is written, and never
   * changes a detached row: look-ups hand out copies), and remembers its row keys as written. Until `writing`
   * settles, look-ups answer its rows from memory.
   */
  detach(): Window {
    const window: Window = { rows: [], counts: [], held: new Map(), staged: this.stagedTables };
    for (const [table, pending] of this.rowTables) {
      const fresh: Row[] = [];
      const changed: Row[] = [];
      for (const r of pending.rows.values()) (r.fresh ? fresh : changed).push(r.row);
      window.rows.push({ table, pending, fresh, changed });
      window.held.set(table, pending.rows); // no longer this write-behind's: the next window starts new maps
      this.written.remember(table, pending.rows.keys());
    }
    for (const [table, pending] of this.countTables) window.counts.push({ table, pending, rows: [...pending.sums.values()] });
    this.rowTables.clear();
    this.countTables.clear();
    this.pendingRows = 0;
    return window;
  }

  /** A detached window being written: its rows are read from it, and a look-up of the table waits for its commit. */
  writing(window: Window, done: Promise<unknown>): void {
    const flushing = { window, done: done.then(() => undefined) };
    this.flushing = flushing;
    void flushing.done.finally(() => this.flushing === flushing && (this.flushing = undefined)).catch(() => undefined);
  }

  /** Rows of `keys` from a window being written (copies: the fold may change them), and the keys it lacks. */
  private async fromFlushing(table: string, keyColumn: string, keys: string[]): Promise<Row[]> {
    const flushing = this.flushing;
    if (!flushing) return this.lookup(table, keyColumn, keys);
    const held = flushing.window.held.get(table);
    const found: Row[] = [];
    const missing: string[] = [];
    for (const key of keys) {
      const row = held?.get(key)?.row;
      if (row) found.push({ ...row });
      else missing.push(key);
    }
    if (missing.length > 0) {
      await flushing.done; // what it writes must be committed before the table is asked
      found.push(...(await this.lookup(table, keyColumn, missing)));
    }
    return found;
  }

  /** ON CONFLICT semantics in memory: a new key inserts, a held or stored one takes the `updated` columns. */
  private async mergeRows(
    table: string,
    columns: readonly BulkColumn[],
    keyColumn: string,
    updated: readonly string[],
    rows: CellValue[][],
  ): Promise<void> {
    let pending = this.rowTables.get(table);
    if (!pending) this.rowTables.set(table, (pending = { columns, keyColumn, updated, rows: new Map(), absent: new Set() }));
    const keyAt = columns.findIndex((c) => c.name === keyColumn);
    const keys = rows.map((cells) => String(cells[keyAt]));
    const unknown = keys.filter((key) => !pending.rows.has(key) && !pending.absent.has(key) && this.written.mayBeStored(table, key));
    const stored = new Map(
      unknown.length === 0 ? [] : (await this.fromFlushing(table, keyColumn, unknown)).map((r): [string, Row] => [String(r[keyColumn]), r]),
    );
    const updatedAt = updated.map((name) => columns.findIndex((c) => c.name === name));
    for (const [i, key] of keys.entries()) {
      const held = pending.rows.get(key) ?? (stored.has(key) ? { row: stored.get(key)!, fresh: false } : undefined);
      if (!held) {
        pending.rows.set(key, { row: rowOf(columns, rows[i]), fresh: true });
        pending.absent.delete(key);
        this.pendingRows++;
      } else if (updated.length > 0) {
        for (const at of updatedAt) held.row[columns[at].name] = asStored(columns[at].type, rows[i][at]);
        if (pending.rows.has(key)) continue;
        pending.rows.set(key, held);
        this.pendingRows++;
      }
    }
  }
}
