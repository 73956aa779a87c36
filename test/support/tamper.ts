/**
 * What an insider with the database's keys would do to the log: rewrite rows by SQL. Shared by the API's
 * tamper-evidence tests and the auditor's page, which must say "broken" for what the API finds.
 */
import { eventHash, RecordedEvent } from '@libs/event-store';
import { TestApp } from './test-app';

const sql = (app: Pick<TestApp, 'runtime'>, text: string, values: unknown[]) => app.runtime.dataSource.query(text, values);

/** What an insider would do: change one event and recompute the chain of it and every later event. */
export async function rewriteFrom(
  app: Pick<TestApp, 'runtime'>,
  stream: string,
  rows: RecordedEvent[],
  from: number,
  data: RecordedEvent['data'],
): Promise<void> {
  let previous = rows[from].previousHash;
  for (const row of rows.slice(from)) {
    const content = row.revision === BigInt(from) ? { ...row, data } : row;
    // An insider who knows the scheme recomputes each hash as the store would (v2: identity bound too).
    const hash = eventHash(previous, content);
    await sql(
      app,
      `UPDATE event_store.events SET data = $3, previous_hash = decode($4, 'hex'), hash = decode($5, 'hex') WHERE stream_id = $1 AND stream_revision = $2`,
      [stream, row.revision.toString(), JSON.stringify(content.data), previous, hash],
    );
    previous = hash;
  }
}
