/**
 * The PostgreSQL log read for whole-log verification: one cursor over the visible log in log order, fetched
 * page by page with the next page already on its way while the caller hashes the current one.
 *
 * Only what the hash chain needs is read, every column as the server's text: JSON stays unparsed (a hashing
 * lane parses it, off the reading thread) and nothing becomes a BigInt or a Buffer on the way. One cursor,
 * not keyset pages: it is planned once, as an index scan in log order whatever the table's statistics say
 * (a `LIMIT` page on a freshly loaded, unanalysed table was planned as a sort of the whole remaining log),
 * and reads the log of one snapshot.
 */
import { Pool } from 'pg';
import { VISIBLE_LIMIT } from '../../event-store/postgres/rows';

/** One event as the server sends it: log position, stream, revision, type, data, metadata, previous hash, hash (hex). */
export type LogRow = [position: string, stream: string, revision: string, type: string, data: string, metadata: string, previousHash: string, hash: string];

const LOG_SCAN = `DECLARE log_verification NO SCROLL CURSOR FOR
  SELECT log_position, stream_id, stream_revision, event_type, data::text, metadata::text,
         encode(previous_hash, 'hex'), encode(hash, 'hex')
    FROM event_store.events WHERE log_position < ${VISIBLE_LIMIT} ORDER BY log_position`;

const asText = (value: string) => value;
const textOnly = { getTypeParser: () => asText };

/**
 * The visible log as of the first read, in pages of `pageSize` events. Holds one pooled connection and a
 * read-only transaction until the last page is taken or the caller stops early.
 */
export async function* readLogPages(pool: Pool, pageSize: number): AsyncGenerator<LogRow[]> {
  const client = await pool.connect();
  const fetch = () => {
    const page = client.query<LogRow>({ text: `FETCH ${Math.trunc(pageSize)} FROM log_verification`, rowMode: 'array', types: textOnly });
    page.catch(() => undefined); // awaited later; failing while the caller hashes is not an unhandled rejection
    return page;
  };
  let next: ReturnType<typeof fetch> | undefined;
  let finished = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(LOG_SCAN);
    next = fetch();
    for (let rows = (await next).rows; rows.length > 0; rows = (await next).rows) {
      next = fetch();
      yield rows;
    }
    await client.query('COMMIT');
    finished = true;
  } finally {
    // Failed or stopped early: let a pending fetch settle, then drop the connection with its transaction.
    if (!finished) await next?.then(() => undefined, () => undefined);
    client.release(!finished);
  }
}
