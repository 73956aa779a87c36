import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's registers as versioned reference data (libs/programme-register): each load a version with
 * its source; `programme.village_households` (households living in each village, by year) and
 * `programme.enrolment_targets` become views of the latest version of each, so no one sets them by SQL.
 * The 2012 city target (70,200, the seed report) becomes version 1 of the targets.
 */
export class ProgrammeRegisters1765030000000 implements MigrationInterface {
  name = 'ProgrammeRegisters1765030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programme.register_loads (
        version   serial      PRIMARY KEY,
        kind      text        NOT NULL CHECK (kind IN ('village-households', 'enrolment-targets')),
        source    text        NOT NULL CHECK (source <> ''),
        loaded_by text        NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        rows      int         NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE programme.register_rows (
        version       int  NOT NULL REFERENCES programme.register_loads,
        org_unit_code text NOT NULL,
        year          int  NOT NULL,
        households    int  NOT NULL CHECK (households >= 0),
        PRIMARY KEY (version, org_unit_code, year))`);
    const latest = (kind: string) => `(SELECT max(version) FROM programme.register_loads WHERE kind = '${kind}')`;
    await queryRunner.query(`DROP VIEW reporting.enrolment_targets`);
    await queryRunner.query(`
      INSERT INTO programme.register_loads (kind, source, loaded_by, rows)
      SELECT 'enrolment-targets', 'migrated from programme.enrolment_targets (2012: 70,200 households, the seed report)', 'migration', count(*)
        FROM programme.enrolment_targets`);
    await queryRunner.query(`
      INSERT INTO programme.register_rows (version, org_unit_code, year, households)
      SELECT ${latest('enrolment-targets')}, org_unit_code, year, households FROM programme.enrolment_targets`);
    await queryRunner.query(`DROP TABLE programme.enrolment_targets`);
    await queryRunner.query(`DROP TABLE programme.village_households`);
    await queryRunner.query(`
      CREATE VIEW programme.enrolment_targets AS
      SELECT year, org_unit_code, households FROM programme.register_rows WHERE version = ${latest('enrolment-targets')}`);
    await queryRunner.query(`
      CREATE VIEW programme.village_households AS
      SELECT org_unit_code AS village_code, year, households FROM programme.register_rows WHERE version = ${latest('village-households')}`);
    await queryRunner.query(
      `CREATE VIEW reporting.enrolment_targets AS SELECT year, org_unit_code, households AS target_households FROM programme.enrolment_targets`,
    );
    await queryRunner.query(
      `CREATE VIEW reporting.village_households AS SELECT village_code, year, households FROM programme.village_households`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP VIEW reporting.village_households, reporting.enrolment_targets, programme.village_households, programme.enrolment_targets`,
    );
    await queryRunner.query(
      `CREATE TABLE programme.enrolment_targets (year int NOT NULL, org_unit_code text NOT NULL, households int NOT NULL CHECK (households > 0), PRIMARY KEY (year, org_unit_code))`,
    );
    await queryRunner.query(`INSERT INTO programme.enrolment_targets VALUES (2012, '640100', 70200)`);
    await queryRunner.query(
      `CREATE TABLE programme.village_households (village_code text PRIMARY KEY, households int NOT NULL CHECK (households > 0))`,
    );
    await queryRunner.query(
      `CREATE VIEW reporting.enrolment_targets AS SELECT year, org_unit_code, households AS target_households FROM programme.enrolment_targets`,
    );
    await queryRunner.query(`DROP TABLE programme.register_rows, programme.register_loads`);
  }
}
