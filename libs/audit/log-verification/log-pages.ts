/**
 * The PostgreSQL log read for whole-log verification: a cursor over the visible log in log order, fetched
 * page by page with the next page already on its way while the caller hashes the current one.
 *
 * Only what the hash chain needs is read, every column as the server's text: JSON stays unparsed until a
 * lane hashes it, and nothing becomes a BigInt or a Buffer on the way. A cursor, not keyset pages: it is
 * planned once, as an index scan in log order whatever the table's statistics say (a `LIMIT` page on a
 * freshly loaded, unanalysed table was planned as a sort of the whole remaining log). Several readers share
 * one exported snapshot and one visibility limit, so together they read exactly one log.
 */
import { ClientBase } from 'pg';
import { VISIBLE_LIMIT } from '../../event-store/postgres/rows';

/** One event as the server sends it: log position, stream, revision, type, data, metadata, previous hash, hash (hex). */
export type LogRow = [
  position: string,
  stream: string,
  revision: string,
  type: string,
  data: string,
  metadata: string,
  previousHash: string,
  hash: string,
  id: string,
];

/** One reader's share of the log: the events below `visibleLimit` of the streams that hash to `lane`. */
export interface LogScan {
  visibleLimit: string;
  lane: number;
  lanes: number;
}

export interface LogSnapshot {
  visibleLimit: string;
  /** pg_export_snapshot()'s id: other sessions read the same log while the exporting transaction is open. */
  snapshot: string;
}

const asText = (value: string) => value;
const textOnly = { getTypeParser: () => asText };
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9A-F]+$/i;

/** Opens a read-only transaction on `client` and names the log it sees, for readers on other connections. */
export async function openLogSnapshot(client: ClientBase): Promise<LogSnapshot> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const { rows } = await client.query<LogSnapshot>({
    text: `SELECT ${VISIBLE_LIMIT} AS "visibleLimit", pg_export_snapshot() AS snapshot`,
    types: textOnly,
  });
  return rows[0];
}

/**
 * Opens snapshots, 50 ms apart, until `read` finds that the limit reaches what it must, at most `tries` times:
 * the gap-safe limit errs low while transactions (of other databases too) are in flight. Answers the last
 * snapshot (its transaction open), what `read` found in it, and whether it was covered.
 */
export async function snapshotCovering<T>(
  client: ClientBase,
  read: (snapshot: LogSnapshot) => Promise<{ covered: boolean; found: T }>,
  tries = 200,
): Promise<{ snapshot: LogSnapshot; covered: boolean; found: T }> {
  for (let attempt = 1; ; attempt++) {
    const snapshot = await openLogSnapshot(client);
    const { covered, found } = await read(snapshot);
    if (covered || attempt >= tries) return { snapshot, covered, found };
    await client.query('COMMIT');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a read-only transaction on `client` that sees what the exporting one sees. */
export async function joinLogSnapshot(client: ClientBase, snapshot: string): Promise<void> {
  if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await client.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
}

// Streams are dealt to lanes by hashtext, PostgreSQL's own string hash: stable, and the same on every reader.
// data and metadata as jsonb, in jsonb's text output (the parser above keeps it as text): a ::text cast on
// the server writes the same text at a quarter more of the server's cost of the whole read.
const LOG_SCAN = `DECLARE log_verification NO SCROLL CURSOR FOR
  SELECT log_position, stream_id, stream_revision, event_type, data, metadata,
         encode(previous_hash, 'hex'), encode(hash, 'hex'), event_id
    FROM event_store.events
   WHERE log_position < $1::bigint AND (hashtext(stream_id) & 2147483647) % $2::int = $3::int
   ORDER BY log_position`;

/** `scan`'s events in log order, in pages of `pageSize`, inside the transaction open on `client`. */
export async function* readLogPages(client: ClientBase, scan: LogScan, pageSize: number): AsyncGenerator<LogRow[]> {
  const fetch = () => {
    const page = client.query<LogRow>({ text: `FETCH ${Math.trunc(pageSize)} FROM log_verification`, rowMode: 'array', types: textOnly });
    page.catch(() => undefined); // awaited later; failing while the caller hashes is not an unhandled rejection
    return page;
  };
  await client.query(LOG_SCAN, [scan.visibleLimit, scan.lanes, scan.lane]);
  let next = fetch();
  try {
    for (let rows = (await next).rows; rows.length > 0; rows = (await next).rows) {
      next = fetch();
      yield rows;
    }
  } finally {
    await next.then(
      () => undefined,
      () => undefined,
    ); // the connection is free again, whoever stopped
  }
  await client.query('CLOSE log_verification');
}
