import { MigrationInterface, QueryRunner } from 'typeorm';
import shipped from '../schemes/happy-family.v1.json';

/**
 * Assessment schemes as versioned reference data (libs/assessment): each load of a scheme is a new version,
 * its whole document kept as loaded, never updated (no UPDATE or DELETE is granted by the code: versions
 * only accumulate). The campaign's scheme (schemes/happy-family.v1.json, its sources inside) is version 1.
 */
export class AssessmentSchemes1765200000000 implements MigrationInterface {
  name = 'AssessmentSchemes1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS assessment`);
    await queryRunner.query(`
      CREATE TABLE assessment.scheme_versions (
        scheme         text        NOT NULL,
        version        int         NOT NULL CHECK (version > 0),
        effective_from date        NOT NULL,
        document       jsonb       NOT NULL,
        loaded_by      text        NOT NULL,
        loaded_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scheme, version))`);
    await queryRunner.query(
      `INSERT INTO assessment.scheme_versions (scheme, version, effective_from, document, loaded_by) VALUES ($1, 1, $2, $3, 'migration')`,
      [shipped.scheme, shipped.effectiveFrom, JSON.stringify(shipped)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA assessment CASCADE`);
  }
}
