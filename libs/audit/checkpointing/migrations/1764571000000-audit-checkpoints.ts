import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the global log. `signed_at` is text, not timestamptz: it is part of the signed
 * bytes, and a round trip through a timestamp type could change its spelling and break the signature.
 */
export class AuditCheckpoints1764571000000 implements MigrationInterface {
  name = 'AuditCheckpoints1764571000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS audit`);
    await queryRunner.query(`
      CREATE TABLE audit.checkpoints (
        checkpoint_id    bigserial   PRIMARY KEY,
        commit_position  bigint      NOT NULL,
        prepare_position bigint      NOT NULL,
        position         text        NOT NULL,
        event_count      bigint      NOT NULL CHECK (event_count >= 0),
        merkle_root      text        NOT NULL,
        signed_at        text        NOT NULL,
        signature        text        NOT NULL,
        key_id           text        NOT NULL,
        written_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX checkpoints_position ON audit.checkpoints (commit_position, prepare_position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA audit CASCADE`);
  }
}
