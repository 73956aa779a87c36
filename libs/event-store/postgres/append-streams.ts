/**
 * A multi-stream append (the port's `appendToStreams`) for bulk loads: many streams written in one
 * transaction with two statements, where `appendToStream` makes a round trip per stream. The heads of all
 * the streams are read at once, the expected revisions checked and the hash chains finished here (the same
 * v2 formula the append statement computes in SQL, hash-chain.ts), and every row inserted by one INSERT
 * from arrays. The chain still cannot fork: an append that took a stream's next revision after the heads
 * were read makes the insert fail on the unique (stream_id, stream_revision) index, and nothing is written.
 * Positions follow append-statement.ts: (transaction id << 20) + the transaction's event counter.
 */
import { PoolClient } from 'pg';
import { AppendResult, ExpectedRevision, StreamAppend } from '../event-store.port';
import { WrongExpectedRevisionError, InvalidAppendError } from '../errors';
import { chainHashV2, contentHash, GENESIS_HASH, HASH_VERSION } from '../hash-chain';
import { position } from '../position';
import { countEvents } from './append-statement';

/** Positions allow 2^20 events per transaction. */
export const MAX_EVENTS_PER_MULTI_APPEND = 1_000_000;

const HEADS = `
SELECT s.stream_id, h.stream_revision, encode(h.hash, 'hex') AS hash
  FROM unnest($1::text[]) AS s(stream_id)
  CROSS JOIN LATERAL (SELECT e.stream_revision, e.hash FROM event_store.events e
                       WHERE e.stream_id = s.stream_id ORDER BY e.stream_revision DESC LIMIT 1) AS h`;

/** $1 how many events, $2 recorded at, then one array per column, the data and metadata as JSON arrays. */
const INSERT_ROWS = `
WITH base AS (SELECT (pg_current_xact_id()::text::bigint << 20) + ${countEvents('$1::bigint')} - $1::bigint AS first)
INSERT INTO event_store.events
  (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
SELECT b.first + r.ord - 1, r.stream_id, r.revision, r.event_id, r.event_type, r.data, r.metadata, $2::timestamptz,
       decode(r.previous, 'hex'), decode(r.hash, 'hex')
  FROM base b CROSS JOIN ROWS FROM (
         unnest($3::text[]), unnest($4::bigint[]), unnest($5::uuid[]), unnest($6::text[]),
         jsonb_array_elements($7::jsonb), jsonb_array_elements($8::jsonb), unnest($9::text[]), unnest($10::text[])
       ) WITH ORDINALITY AS r(stream_id, revision, event_id, event_type, data, metadata, previous, hash, ord)`;

interface Head {
  revision: bigint;
  hash: string;
}

/**
 * Inside the caller's transaction on `client`. Throws WrongExpectedRevisionError naming the first append
 * whose expectation does not hold; the caller rolls back.
 */
export async function appendStreamsIn(client: PoolClient, appends: readonly StreamAppend[], recordedAt: string): Promise<AppendResult[]> {
  const total = appends.reduce((sum, append) => sum + append.events.length, 0);
  if (total > MAX_EVENTS_PER_MULTI_APPEND)
    throw new InvalidAppendError(`at most ${MAX_EVENTS_PER_MULTI_APPEND} events in one multi-stream append`);
  const heads = await readHeads(client, [...new Set(appends.map((append) => append.stream))]);
  const rows = { stream: [] as string[], revision: [] as string[], id: [] as string[], type: [] as string[] };
  const data: unknown[] = [];
  const metadata: unknown[] = [];
  const previous: string[] = [];
  const hashes: string[] = [];
  const revisions: bigint[] = [];
  for (const { stream, events, expectedRevision = 'any' } of appends) {
    const head = heads.get(stream) ?? { revision: -1n, hash: GENESIS_HASH };
    if (!holds(expectedRevision, head.revision)) throw new WrongExpectedRevisionError(stream, expectedRevision, head.revision);
    for (const event of events) {
      const meta = { ...event.metadata, recordedAt, hashVersion: HASH_VERSION };
      const revision = head.revision + 1n;
      const hash = chainHashV2(
        head.hash,
        revision,
        contentHash({ type: event.type, data: event.data, metadata: meta, stream, id: event.id }),
      );
      rows.stream.push(stream);
      rows.revision.push(revision.toString());
      rows.id.push(event.id);
      rows.type.push(event.type);
      data.push(event.data);
      metadata.push(meta);
      previous.push(head.hash);
      hashes.push(hash);
      head.revision = revision;
      head.hash = hash;
    }
    heads.set(stream, head);
    revisions.push(head.revision);
  }
  const inserted = await client.query<{ last: string }>(
    `WITH inserted AS (${INSERT_ROWS} RETURNING log_position) SELECT max(log_position)::text AS last FROM inserted`,
    [total, recordedAt, rows.stream, rows.revision, rows.id, rows.type, JSON.stringify(data), JSON.stringify(metadata), previous, hashes],
  );
  // Each append's last event is at the batch's first position plus its index in the batch. Every event was
  // written now: one whose id is stored already fails the unique event-id index, and with it the transaction.
  const first = BigInt(inserted.rows[0].last) - BigInt(total - 1);
  let offset = 0;
  return appends.map((append, i) => {
    offset += append.events.length;
    return { nextExpectedRevision: revisions[i], position: position(first + BigInt(offset - 1)), resent: false };
  });
}

async function readHeads(client: PoolClient, streams: string[]): Promise<Map<string, Head>> {
  const { rows } = await client.query<{ stream_id: string; stream_revision: string; hash: string }>(HEADS, [streams]);
  return new Map(rows.map((row) => [row.stream_id, { revision: BigInt(row.stream_revision), hash: row.hash }]));
}

function holds(expected: ExpectedRevision, actual: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === -1n;
  if (expected === 'stream_exists') return actual >= 0n;
  return actual === expected;
}
