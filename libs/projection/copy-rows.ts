/** Rows into a table by COPY: a rebuild's fresh rows, which no key of the table holds yet (write-behind.ts). */
import { EntityManager } from 'typeorm';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkColumn, CellValue } from './bulk-writes';

/** COPY ... FROM STDIN in text format on the transaction's own connection. */
export async function copyRows(
  tx: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly CellValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const client = (await tx.queryRunner!.connect()) as { query<T>(stream: T): T };
  const sink = client.query(copyFrom(`COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => (sink.on('finish', resolve), sink.on('error', reject)));
  const chunk: string[] = [];
  for (const row of rows) {
    chunk.push(row.map(copyText).join('\t'));
    if (chunk.length === 2000) sink.write(chunk.splice(0).join('\n') + '\n');
  }
  if (chunk.length > 0) sink.write(chunk.join('\n') + '\n');
  sink.end();
  await done;
}

function copyText(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
