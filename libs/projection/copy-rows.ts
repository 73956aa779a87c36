/** Rows into a table by COPY: a rebuild's fresh rows, which no key of the table holds yet (write-behind.ts). */
import { EntityManager } from 'typeorm';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkColumn, CellValue } from './bulk-rows';

/** COPY ... FROM STDIN in text format on the transaction's own connection. */
export function copyRows(
  tx: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly CellValue[])[],
): Promise<void>;
/** `rows` turned into cells one by one as they are sent (`cells`), none of them kept. */
export function copyRows<R>(
  tx: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly R[],
  cells: (row: R) => readonly CellValue[],
): Promise<void>;
export async function copyRows(
  tx: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[],
  cells = (row: unknown) => row as readonly CellValue[],
): Promise<void> {
  if (rows.length === 0) return;
  const client = (await tx.queryRunner!.connect()) as { query<T>(stream: T): T };
  const sink = client.query(copyFrom(`COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => (sink.on('finish', resolve), sink.on('error', reject)));
  let chunk = '';
  for (const each of rows) {
    const row = cells(each);
    let line = copyText(row[0]);
    for (let i = 1; i < row.length; i++) line += '\t' + copyText(row[i]);
    chunk += line + '\n';
    if (chunk.length > 256 * 1024) {
      sink.write(chunk);
      chunk = '';
    }
  }
  if (chunk.length > 0) sink.write(chunk);
  sink.end();
  await done;
}

const SPECIAL = /[\\\t\n\r]/;

/** COPY's text form; the escape is rare (codes and ids), so it is tested for before anything is replaced. */
function copyText(value: CellValue): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
