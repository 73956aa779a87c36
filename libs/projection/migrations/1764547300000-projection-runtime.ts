import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectionRuntime1764547300000 implements MigrationInterface {
  name = 'ProjectionRuntime1764547300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS projections`);
    await queryRunner.query(`
      CREATE TABLE projections.checkpoints (
        projection       text        PRIMARY KEY,
        version          int         NOT NULL,
        commit_position  bigint      NOT NULL,
        prepare_position bigint      NOT NULL,
        events_applied   bigint      NOT NULL DEFAULT 0,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE projections.dead_letters (
        id               bigserial   PRIMARY KEY,
        projection       text        NOT NULL,
        event_id         uuid        NOT NULL,
        event_type       text        NOT NULL,
        stream_id        text        NOT NULL,
        commit_position  bigint      NOT NULL,
        prepare_position bigint      NOT NULL,
        error            text        NOT NULL,
        attempts         int         NOT NULL,
        parked_at        timestamptz NOT NULL DEFAULT now(),
        retried_at       timestamptz,
        UNIQUE (projection, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA projections CASCADE`);
  }
}
