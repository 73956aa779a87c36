import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local user accounts and their browser sessions. A session row holds only a digest of the opaque id the
 * cookie carries, so a copy of the table signs nobody in. Disabling a user or changing the password
 * deletes their sessions (done by the code, not by a cascade, so it is explicit where it happens).
 */
export class Accounts1765000000000 implements MigrationInterface {
  name = 'Accounts1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS accounts`);
    await queryRunner.query(`
      CREATE TABLE accounts.users (
        username      text        PRIMARY KEY,
        display_name  text        NOT NULL,
        password_hash text        NOT NULL,
        roles         text[]      NOT NULL,
        ou            text        NOT NULL,
        department    text,
        disabled_at   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE accounts.sessions (
        id_digest    bytea       PRIMARY KEY,
        username     text        NOT NULL REFERENCES accounts.users (username) ON DELETE CASCADE,
        created_at   timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sessions_username ON accounts.sessions (username)`);
    // For a sweeper of sessions past their absolute expiry.
    await queryRunner.query(`CREATE INDEX sessions_expires_at ON accounts.sessions (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA accounts CASCADE`);
  }
}
