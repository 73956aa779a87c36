/**
 * An append as one SQL statement (prepared once per connection). No lock is taken: the stream's head is
 * read, the expected revision checked, the hash chain finished and the rows inserted in one go, and the
 * unique index on (stream_id, stream_revision) is what settles a race: of two appends that read the same
 * head, the second waits for the first to commit and then fails with a unique violation, which the adapter
 * turns into WrongExpectedRevisionError (or, for expected `any`, into another try). Nothing is lost and the
 * chain never forks.
 *
 * Parameters: $1 stream, $2 expected ('any' | 'no_stream' | 'stream_exists' | a revision), $3 event ids,
 * $4 types, $5 data (a JSON array), $6 metadata (a JSON array), $7 recorded at, $8 content hashes (hex).
 */
import { QueryConfig } from 'pg';

export const APPEND_STATEMENT: QueryConfig = {
  name: 'family_ledger_append',
  text: `
WITH RECURSIVE
  head AS (
    SELECT coalesce(h.stream_revision, -1) AS revision, coalesce(h.hash, decode(repeat('00', 32), 'hex')) AS hash,
           EXISTS (SELECT 1 FROM event_store.events e WHERE e.event_id = ($3::uuid[])[1]) AS resend
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT e.stream_revision, e.hash FROM event_store.events e
                          WHERE e.stream_id = $1 ORDER BY e.stream_revision DESC LIMIT 1) AS h ON true),
  accepted AS (
    SELECT revision, hash FROM head
     WHERE NOT resend
       AND CASE $2::text
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN revision = -1
             WHEN 'stream_exists' THEN revision >= 0
             ELSE revision = $2::text::bigint
           END),
  input AS (
    SELECT u.ord, u.id, u.type, decode(u.content, 'hex') AS content
      FROM unnest($3::uuid[], $4::text[], $8::text[]) WITH ORDINALITY AS u(id, type, content, ord)),
  chain AS (
    SELECT i.ord, a.hash AS previous, sha256(a.hash || i.content) AS hash FROM accepted a JOIN input i ON i.ord = 1
    UNION ALL
    SELECT i.ord, c.hash, sha256(c.hash || i.content) FROM chain c JOIN input i ON i.ord = c.ord + 1),
  -- Position = (transaction id << 20) + index of the event within this transaction.
  placed AS (
    SELECT (pg_current_xact_id()::text::bigint << 20) + o.before AS base,
           set_config('event_store.events_in_transaction', (o.before + cardinality($3::uuid[]))::text, true) AS counted
      FROM (SELECT coalesce(nullif(current_setting('event_store.events_in_transaction', true), ''), '0')::bigint AS before) AS o
     WHERE EXISTS (SELECT 1 FROM accepted)),
  inserted AS (
    INSERT INTO event_store.events
      (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
    SELECT p.base + i.ord - 1, $1, a.revision + i.ord, i.id, i.type, $5::jsonb -> (i.ord::int - 1),
           $6::jsonb -> (i.ord::int - 1), $7, c.previous, c.hash
      FROM accepted a CROSS JOIN placed p JOIN input i ON true JOIN chain c ON c.ord = i.ord
    RETURNING log_position, stream_revision)
SELECT h.revision AS actual_revision, h.resend,
       (SELECT max(stream_revision) FROM inserted) AS next_revision,
       (SELECT max(log_position) FROM inserted) AS last_position
  FROM head h`,
};

/** Tells a re-send (same ids, same stream, same order, consistent expected revision) from a reuse of ids. */
export const RESEND_STATEMENT: QueryConfig = {
  name: 'family_ledger_resend',
  text: `
SELECT count(*) = cardinality($3::uuid[])
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
