import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each relay has published up to: moved only after the broker acknowledged the event at that position. */
export class RelayCheckpoints1764563100000 implements MigrationInterface {
  name = 'RelayCheckpoints1764563100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS relay`);
    await queryRunner.query(`
      CREATE TABLE relay.checkpoints (
        relay            text        PRIMARY KEY,
        commit_position  bigint      NOT NULL,
        prepare_position bigint      NOT NULL,
        events_published bigint      NOT NULL DEFAULT 0,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA relay CASCADE`);
  }
}
