import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blue/green copies of read models: the checkpoint names the active copy's schema, a rebuild in progress has
 * a row of its own, dead letters belong to the copy they were parked by. Replaces the first slice's
 * fixed read_models tables (their projection starts over in a copy of its own).
 */
export class ProjectionCopies1764562000000 implements MigrationInterface {
  name = 'ProjectionCopies1764562000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE projections.copy_generation`);
    await queryRunner.query(`DROP SCHEMA IF EXISTS read_models CASCADE`);
    await queryRunner.query(`DELETE FROM projections.checkpoints`);
    await queryRunner.query(`ALTER TABLE projections.checkpoints ADD COLUMN active_schema text NOT NULL`);
    await queryRunner.query(`ALTER TABLE projections.checkpoints ADD COLUMN last_recorded_at timestamptz`);
    await queryRunner.query(`ALTER TABLE projections.dead_letters ADD COLUMN copy_schema text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE projections.dead_letters ADD COLUMN resolved_at timestamptz`);
    await queryRunner.query(`ALTER TABLE projections.dead_letters DROP CONSTRAINT dead_letters_projection_event_id_key`);
    await queryRunner.query(
      `ALTER TABLE projections.dead_letters ADD CONSTRAINT dead_letters_copy_event_key UNIQUE (projection, copy_schema, event_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE projections.rebuilds (
        projection       text        PRIMARY KEY,
        version          int         NOT NULL,
        copy_schema      text        NOT NULL,
        commit_position  bigint      NOT NULL DEFAULT -1,
        prepare_position bigint      NOT NULL DEFAULT -1,
        events_applied   bigint      NOT NULL DEFAULT 0,
        last_recorded_at timestamptz,
        started_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS reporting`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projections.rebuilds`);
    await queryRunner.query(`DROP SEQUENCE projections.copy_generation`);
  }
}
