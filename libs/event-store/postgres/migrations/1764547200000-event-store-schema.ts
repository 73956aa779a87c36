import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. See ../README.md for why positions are `(xid << 20) + n` and why readers stop below the
 * oldest running transaction: that is what makes the global order gap-safe. Appends are one statement
 * (../append-statement.ts); the unique (stream_id, stream_revision) index settles races between them.
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA event_store CASCADE`);
  }
}
