import { MigrationInterface, QueryRunner } from 'typeorm';

export class CategoryCounts1764547400000 implements MigrationInterface {
  name = 'CategoryCounts1764547400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS read_models`);
    // One row per household: the guard that makes every count change idempotent.
    await queryRunner.query(`
      CREATE TABLE read_models.household_registry (
        household_id   text    PRIMARY KEY,
        village_code   text    NOT NULL,
        category       text    NOT NULL,
        status         text    NOT NULL,
        enrolment_year int     NOT NULL,
        last_position  bigint  NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE read_models.category_counts (
        org_unit_code  text NOT NULL,
        org_unit_level text NOT NULL,
        category       text NOT NULL,
        enrolment_year int  NOT NULL,
        active         int  NOT NULL DEFAULT 0,
        withdrawn      int  NOT NULL DEFAULT 0,
        PRIMARY KEY (org_unit_code, category, enrolment_year)
      )`);
    await queryRunner.query(`CREATE INDEX category_counts_level ON read_models.category_counts (org_unit_level, org_unit_code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE read_models.category_counts`);
    await queryRunner.query(`DROP TABLE read_models.household_registry`);
  }
}
