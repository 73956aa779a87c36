import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal-data protection: the households' data keys (wrapped by the master key), the decisions that
 * erased or restricted them, and the log of who read personal data and why. Kept in a schema of its own
 * so that the event log's schema never holds a key.
 */
export class PersonalData1764570000000 implements MigrationInterface {
  name = 'PersonalData1764570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS personal_data`);
    await queryRunner.query(`
      CREATE TABLE personal_data.data_keys (
        key_id      text        PRIMARY KEY,
        status      text        NOT NULL CHECK (status IN ('active', 'restricted', 'erased')),
        wrapped_key bytea,
        created_at  timestamptz NOT NULL DEFAULT now(),
        changed_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT data_keys_erased_has_no_key CHECK ((status = 'erased') = (wrapped_key IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE personal_data.key_decisions (
        id          bigserial   PRIMARY KEY,
        key_id      text        NOT NULL,
        action      text        NOT NULL,
        legal_basis text,
        reference   text,
        actor       text        NOT NULL,
        decided_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE personal_data.access_log (
        id         bigserial   PRIMARY KEY,
        read_at    timestamptz NOT NULL DEFAULT now(),
        actor      text        NOT NULL,
        roles      text[]      NOT NULL,
        method     text        NOT NULL,
        route      text        NOT NULL,
        path       text        NOT NULL,
        purpose    text
      )`);
    await queryRunner.query(`CREATE INDEX access_log_actor_idx ON personal_data.access_log (actor, read_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA personal_data CASCADE`);
  }
}
