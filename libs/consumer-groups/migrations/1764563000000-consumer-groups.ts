import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer groups (persistent subscriptions). `groups` holds each group's settings and its checkpoint: how far
 * into the log its events have been copied into `pending`. A pending row is one event of the group's filter
 * until a consumer acknowledges it (then it is deleted): ready, leased to one consumer until `lease_until`,
 * or parked after `max_deliveries`. Rows keep the redacted public event, so no personal data is copied.
 */
export class ConsumerGroups1764563000000 implements MigrationInterface {
  name = 'ConsumerGroups1764563000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS consumer_groups`);
    await queryRunner.query(`
      CREATE TABLE consumer_groups.groups (
        name             text        PRIMARY KEY,
        filter_types     text[],
        filter_streams   text[],
        start_from       text        NOT NULL,
        max_deliveries   int         NOT NULL CHECK (max_deliveries > 0),
        lease_ms         int         NOT NULL CHECK (lease_ms > 0),
        commit_position  bigint      NOT NULL,
        prepare_position bigint      NOT NULL,
        acked_total      bigint      NOT NULL DEFAULT 0,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE consumer_groups.pending (
        group_name       text        NOT NULL REFERENCES consumer_groups.groups (name) ON DELETE CASCADE,
        commit_position  bigint      NOT NULL,
        prepare_position bigint      NOT NULL,
        event_id         uuid        NOT NULL,
        stream_id        text        NOT NULL,
        event            jsonb       NOT NULL,
        state            text        NOT NULL CHECK (state IN ('ready', 'leased', 'parked')),
        consumer         text,
        lease_until      timestamptz,
        deliveries       int         NOT NULL DEFAULT 0,
        last_reason      text,
        parked_at        timestamptz,
        PRIMARY KEY (group_name, commit_position, prepare_position),
        UNIQUE (group_name, event_id),
        CHECK (state <> 'leased' OR (consumer IS NOT NULL AND lease_until IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX pending_ready ON consumer_groups.pending (group_name, commit_position, prepare_position) WHERE state = 'ready'`,
    );
    await queryRunner.query(
      `CREATE INDEX pending_leased ON consumer_groups.pending (group_name, stream_id, consumer) WHERE state = 'leased'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA consumer_groups CASCADE`);
  }
}
