import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data keys wrapped by per-period wrapping keys kept outside PostgreSQL (../wrapping-keys.ts). Existing
 * data keys (kek_id NULL: wrapped by the master key) are wrapped again at the next start-up
 * (DataKeyStore.prepare), which needs the key files, so it cannot happen in SQL.
 */
export class WrappingKeys1764580100000 implements MigrationInterface {
  name = 'WrappingKeys1764580100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE personal_data.wrapping_keys (
        kek_id     text        PRIMARY KEY,
        period     text        NOT NULL,
        status     text        NOT NULL CHECK (status IN ('active', 'retired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX wrapping_keys_one_active ON personal_data.wrapping_keys (period) WHERE status = 'active'`);
    await queryRunner.query(`ALTER TABLE personal_data.data_keys ADD COLUMN kek_id text REFERENCES personal_data.wrapping_keys (kek_id)`);
    await queryRunner.query(`CREATE INDEX data_keys_kek_idx ON personal_data.data_keys (kek_id) WHERE kek_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE personal_data.data_keys DROP COLUMN kek_id`);
    await queryRunner.query(`DROP TABLE personal_data.wrapping_keys`);
  }
}
