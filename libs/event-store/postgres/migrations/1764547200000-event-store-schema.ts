import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. See ../README.md for why positions are `(xid << 20) + n` and why readers stop below the
 * snapshot's xmin: that is what makes the global order gap-safe.
 */
export class EventStoreSchema1764547200000 implements MigrationInterface {
  name = 'EventStoreSchema1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await queryRunner.query(`
      CREATE TABLE event_store.events (
        log_position    bigint      PRIMARY KEY,
        stream_id       text        NOT NULL,
        stream_revision bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL,
        previous_hash   bytea       NOT NULL,
        hash            bytea       NOT NULL,
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
    await queryRunner.query(APPEND_FUNCTION);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA event_store CASCADE`);
  }
}

/**
 * One round trip per append: lock the stream, recognise a re-send, check the expected revision, finish the
 * hash chain, insert. Outcomes are returned, not raised, so the common refusals cost no subtransaction.
 */
const APPEND_FUNCTION = `
CREATE FUNCTION event_store.append_events(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data jsonb, p_metadata jsonb,
  p_recorded_at timestamptz, p_content_hashes text[],
  OUT outcome text, OUT actual_revision bigint, OUT next_revision bigint, OUT last_position bigint
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_count    int := cardinality(p_ids);
  v_current  bigint;
  v_hash     bytea;
  v_found    bigint;
  v_same     boolean;
  v_resend   boolean;
  v_first    bigint;
  v_last     bigint;
  v_last_pos bigint;
  v_offset   bigint;
  v_base     bigint;
  v_previous bytea[] := '{}';
  v_hashes   bytea[] := '{}';
BEGIN
  -- Serialises appends to one stream (hash collisions only serialise a little more).
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));

  -- The stream's head (from the (stream_id, stream_revision) index) and whether this is a re-send of an
  -- append already made, probed by its first id alone: one statement, the common case's only read.
  SELECT coalesce(h.stream_revision, -1), coalesce(h.hash, decode(repeat('00', 32), 'hex')),
         EXISTS (SELECT 1 FROM event_store.events e WHERE e.event_id = p_ids[1])
    INTO v_current, v_hash, v_resend
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT e.stream_revision, e.hash FROM event_store.events e
                        WHERE e.stream_id = p_stream ORDER BY e.stream_revision DESC LIMIT 1) AS h ON true;

  -- A re-send: same ids, same stream, same order. A later id reused elsewhere fails the insert instead.
  IF v_resend THEN
    SELECT count(*), bool_and(e.stream_id = p_stream) AND count(DISTINCT e.stream_revision - u.ord) = 1,
           min(e.stream_revision), max(e.stream_revision), max(e.log_position)
      INTO v_found, v_same, v_first, v_last, v_last_pos
      FROM unnest(p_ids) WITH ORDINALITY AS u(id, ord)
      JOIN event_store.events e ON e.event_id = u.id;
    IF v_found = v_count AND v_same AND (
         p_expected IN ('any', 'stream_exists')
         OR (p_expected = 'no_stream' AND v_first = 0)
         OR (p_expected ~ '^-?[0-9]+$' AND v_first = p_expected::bigint + 1)) THEN
      outcome := 'idempotent'; next_revision := v_last; last_position := v_last_pos;
    ELSE
      outcome := 'duplicate';
    END IF;
    actual_revision := v_current;
    RETURN;
  END IF;

  IF (p_expected = 'no_stream' AND v_current <> -1)
     OR (p_expected = 'stream_exists' AND v_current = -1)
     OR (p_expected ~ '^-?[0-9]+$' AND v_current <> p_expected::bigint) THEN
    outcome := 'wrong_expected_revision'; actual_revision := v_current;
    RETURN;
  END IF;

  -- Position = (transaction id << 20) + index of the event within this transaction.
  v_offset := coalesce(nullif(current_setting('event_store.events_in_transaction', true), '')::bigint, 0);
  IF v_offset + v_count > 1048576 THEN
    RAISE EXCEPTION 'more than 1048576 events in one transaction' USING ERRCODE = '54000';
  END IF;
  PERFORM set_config('event_store.events_in_transaction', (v_offset + v_count)::text, true);
  v_base := (pg_current_xact_id()::text::bigint << 20) + v_offset;

  FOR i IN 1..v_count LOOP
    v_previous[i] := v_hash;
    v_hash := sha256(v_hash || decode(p_content_hashes[i], 'hex'));
    v_hashes[i] := v_hash;
  END LOOP;

  INSERT INTO event_store.events
    (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
  SELECT v_base + u.ord - 1, p_stream, v_current + u.ord, u.id, u.type, p_data -> (u.ord::int - 1),
         p_metadata -> (u.ord::int - 1), p_recorded_at, u.previous, u.hash
    FROM unnest(p_ids, p_types, v_previous, v_hashes) WITH ORDINALITY AS u(id, type, previous, hash, ord);

  outcome := 'appended'; actual_revision := v_current;
  next_revision := v_current + v_count; last_position := v_base + v_count - 1;
END
$fn$`;
