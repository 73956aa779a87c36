/**
 * An append as one SQL statement (prepared once per connection). No lock is taken: the stream's head is
 * read, the expected revision checked, the hash chain finished and the rows inserted in one go, and the
 * unique index on (stream_id, stream_revision) is what settles a race: of two appends that read the same
 * head, the second waits for the first to commit and then fails with a unique violation, which the adapter
 * turns into WrongExpectedRevisionError (or, for expected `any`, into another try). Nothing is lost and the
 * chain never forks.
 *
 * Two shapes of the same statement: one event (the command path, where the executor's start-up of the
 * many-event plan, a recursive CTE and its joins, cost more than the insert itself) and many events.
 * Both return actual_revision, resend, next_revision (null when nothing was written) and last_position.
 *
 * Position = (transaction id << 20) + index of the event within its transaction; the index is counted in
 * a transaction-local setting, so several appends inside one caller's transaction get distinct positions.
 */
import { QueryConfig } from 'pg';
import { EventToAppend, ExpectedRevision } from '../event-store.port';
import { contentHash, HASH_VERSION } from '../hash-chain';

const GENESIS = `'\\x${'00'.repeat(32)}'::bytea`;

/** Checks the head read in the CTE `head` (revision, resend) against $2, the expected revision. */
const EXPECTED_REVISION_HOLDS = `NOT h.resend
       AND CASE $2::text
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN h.revision = -1
             WHEN 'stream_exists' THEN h.revision >= 0
             ELSE h.revision = $2::text::bigint
           END`;

/** The transaction's event counter before this append, after which it adds `$count`. */
const EVENTS_BEFORE = `coalesce(nullif(current_setting('event_store.events_in_transaction', true), ''), '0')::bigint`;
export const countEvents = (count: string) =>
  `set_config('event_store.events_in_transaction', (${EVENTS_BEFORE} + ${count})::text, true)::bigint`;

/**
 * One event. Parameters: $1 stream, $2 expected ('any' | 'no_stream' | 'stream_exists' | a revision),
 * $3 event id, $4 type, $5 data (JSON), $6 metadata (JSON), $7 recorded at, $8 content hash (32 bytes).
 *
 * Alone in its transaction (an append through the adapter's own pool, in autocommit), the event is the
 * first of its transaction: its index is 0, without the counter. And it leaves re-sends to the unique
 * event-id index, without a look-up of its own: a re-send with a consistent expected revision either fails
 * the revision check (an exact revision, no_stream: the stream has moved on) or the index (any,
 * stream_exists), and the adapter tells it apart from a conflict only then (RESEND_STATEMENT). Inside a
 * caller's transaction a failed insert would abort the caller's work, so there it looks first and counts.
 */
function appendOneStatement(alone: boolean): QueryConfig {
  const resend = alone ? 'false' : 'EXISTS (SELECT 1 FROM event_store.events e WHERE e.event_id = $3::uuid)';
  const index = alone ? '0' : `${countEvents('1')} - 1`;
  return {
    name: alone ? 'family_ledger_append_alone' : 'family_ledger_append_one',
    text: `
WITH
  head AS (
    SELECT coalesce(h.stream_revision, -1) AS revision, coalesce(h.hash, ${GENESIS}) AS hash, ${resend} AS resend
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT e.stream_revision, e.hash FROM event_store.events e
                          WHERE e.stream_id = $1 ORDER BY e.stream_revision DESC LIMIT 1) AS h ON true),
  inserted AS (
    INSERT INTO event_store.events
      (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
    SELECT (pg_current_xact_id()::text::bigint << 20) + ${index},
           $1, h.revision + 1, $3::uuid, $4, $5::jsonb, $6::jsonb, $7, h.hash, sha256(h.hash || int8send(h.revision + 1) || $8::bytea)
      FROM head h
     WHERE ${EXPECTED_REVISION_HOLDS}
    RETURNING log_position, stream_revision)
SELECT h.revision AS actual_revision, h.resend, i.stream_revision AS next_revision, i.log_position AS last_position
  FROM head h LEFT JOIN inserted i ON true`,
  };
}

export const APPEND_ONE_STATEMENT = appendOneStatement(false);
export const APPEND_ALONE_STATEMENT = appendOneStatement(true);

/**
 * Many events. Parameters: $1 stream, $2 expected, $3 event ids, $4 types, $5 data (a JSON array),
 * $6 metadata (a JSON array), $7 recorded at, $8 the content hashes, 32 bytes each, end to end. The chain is
 * a recursion over the array indexes (no join per step), the rows are read from the arrays by index.
 */
export const APPEND_MANY_STATEMENT: QueryConfig = {
  name: 'family_ledger_append_many',
  text: `
WITH RECURSIVE
  head AS (
    SELECT coalesce(h.stream_revision, -1) AS revision, coalesce(h.hash, ${GENESIS}) AS hash,
           EXISTS (SELECT 1 FROM event_store.events e WHERE e.event_id = ($3::uuid[])[1]) AS resend
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT e.stream_revision, e.hash FROM event_store.events e
                          WHERE e.stream_id = $1 ORDER BY e.stream_revision DESC LIMIT 1) AS h ON true),
  accepted AS (
    SELECT h.revision, h.hash,
           (pg_current_xact_id()::text::bigint << 20) + ${countEvents('cardinality($3::uuid[])')} - cardinality($3::uuid[]) AS base
      FROM head h
     WHERE ${EXPECTED_REVISION_HOLDS}),
  chain AS (
    SELECT 1 AS ord, a.hash AS previous, sha256(a.hash || int8send(a.revision + 1) || substring($8::bytea FROM 1 FOR 32)) AS hash FROM accepted a
    UNION ALL
    SELECT c.ord + 1, c.hash, sha256(c.hash || int8send(a.revision + c.ord + 1) || substring($8::bytea FROM c.ord * 32 + 1 FOR 32))
      FROM chain c CROSS JOIN accepted a WHERE c.ord < cardinality($3::uuid[])),
  inserted AS (
    INSERT INTO event_store.events
      (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
    SELECT a.base + c.ord - 1, $1, a.revision + c.ord, ($3::uuid[])[c.ord], ($4::text[])[c.ord], $5::jsonb -> (c.ord - 1),
           $6::jsonb -> (c.ord - 1), $7, c.previous, c.hash
      FROM accepted a CROSS JOIN chain c
    RETURNING log_position, stream_revision)
SELECT h.revision AS actual_revision, h.resend,
       (SELECT max(stream_revision) FROM inserted) AS next_revision,
       (SELECT max(log_position) FROM inserted) AS last_position
  FROM head h`,
};

/**
 * Tells a re-send (same ids, same stream, same order, consistent expected revision) from a reuse of ids;
 * `found` counts the ids already stored (none: the append was refused for its expected revision alone).
 */
export const RESEND_STATEMENT: QueryConfig = {
  name: 'family_ledger_resend',
  text: `
SELECT count(*) AS found, count(*) = cardinality($3::uuid[])
       AND bool_and(e.stream_id = $1) AND count(DISTINCT e.stream_revision - u.ord) = 1
       AND CASE $2::text
             WHEN 'any' THEN true
             WHEN 'stream_exists' THEN true
             WHEN 'no_stream' THEN min(e.stream_revision) = 0
             ELSE min(e.stream_revision) = $2::text::bigint + 1
           END AS same_append,
       max(e.stream_revision) AS next_revision, max(e.log_position) AS last_position
  FROM unnest($3::uuid[]) WITH ORDINALITY AS u(id, ord)
  JOIN event_store.events e ON e.event_id = u.id`,
};

/**
 * The statement and parameters of an append: the one-event shape when there is one event, alone in its
 * transaction or not. `checksResend`: the statement's `resend` column says whether the first id is stored.
 */
export function appendQuery(
  stream: string,
  expected: ExpectedRevision,
  events: readonly EventToAppend[],
  recordedAt: string,
  alone: boolean,
): { statement: QueryConfig; values: unknown[]; checksResend: boolean } {
  const metadata = events.map((event) => ({ ...event.metadata, recordedAt, hashVersion: HASH_VERSION }));
  // The revision is chained inside the statement (only it knows the head); the rest of the identity is here.
  const hashes = events.map((event, i) => contentHash({ type: event.type, data: event.data, metadata: metadata[i], stream, id: event.id }));
  if (events.length === 1) {
    const [event] = events;
    return {
      statement: alone ? APPEND_ALONE_STATEMENT : APPEND_ONE_STATEMENT,
      checksResend: !alone,
      values: [
        stream,
        expected.toString(),
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(metadata[0]),
        recordedAt,
        hashes[0],
      ],
    };
  }
  return {
    statement: APPEND_MANY_STATEMENT,
    checksResend: true,
    values: [
      stream,
      expected.toString(),
      events.map((e) => e.id),
      events.map((e) => e.type),
      JSON.stringify(events.map((e) => e.data)),
      JSON.stringify(metadata),
      recordedAt,
      Buffer.concat(hashes),
    ],
  };
}
