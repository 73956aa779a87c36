import { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of HTTP commands: the hash of the first request and the answer it got. */
export class IdempotencyKeys1764561000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764561000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS idempotency`);
    await queryRunner.query(`
      CREATE TABLE idempotency.keys (
        key          text        PRIMARY KEY,
        request_hash text        NOT NULL,
        status       int         NOT NULL,
        headers      jsonb       NOT NULL,
        body         jsonb,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // For a sweeper of keys past their retention.
    await queryRunner.query(`CREATE INDEX keys_created_at ON idempotency.keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA idempotency CASCADE`);
  }
}
