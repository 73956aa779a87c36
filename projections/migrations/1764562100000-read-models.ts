import { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureActiveCopy } from '../../libs/projection/copies';
import { ReadModelDefinition } from '../../libs/projection/projection';
import { categoryCountsReadModel } from '../category-counts/category-counts.tables';
import { loanPortfolioReadModel } from '../loan-portfolio/loan-portfolio.tables';
import { needsStatusReadModel } from '../needs-status/needs-status.tables';
import { satisfactionRatesReadModel } from '../satisfaction-rates/satisfaction-rates.tables';
import { serviceDeliveriesReadModel } from '../service-deliveries/service-deliveries.tables';

/**
 * The read models this migration created the first copy of, when it was written. Not the list of read
 * models (that is projections/index.ts): a read model added later gets its first copy from the projector
 * when it starts (ProjectionRunner ensures the active copy), so this list is history and is not extended.
 * Relative imports only: the test template database is migrated where path aliases are not mapped.
 */
const FIRST_READ_MODELS: readonly ReadModelDefinition[] = [
  categoryCountsReadModel,
  needsStatusReadModel,
  serviceDeliveriesReadModel,
  satisfactionRatesReadModel,
  loanPortfolioReadModel,
];

/**
 * The first copy of those read models (empty, checkpoint at the start of the log) with its reporting views,
 * and the programme's configurable targets. Later shapes come from raising a projection's version, which
 * rebuilds beside the active copy: this migration is not edited for them.
 */
export class ReadModels1764562100000 implements MigrationInterface {
  name = 'ReadModels1764562100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const definition of FIRST_READ_MODELS) await ensureActiveCopy(queryRunner, definition);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS programme`);
    await queryRunner.query(`
      CREATE TABLE programme.enrolment_targets (
        year          int  NOT NULL,
        org_unit_code text NOT NULL,
        households    int  NOT NULL CHECK (households > 0),
        PRIMARY KEY (year, org_unit_code))`);
    await queryRunner.query(`INSERT INTO programme.enrolment_targets (year, org_unit_code, households) VALUES (2012, '640100', 70200)`);
    // Households living in a village (the pilot-coverage denominator), loaded from the civil register.
    await queryRunner.query(`
      CREATE TABLE programme.village_households (
        village_code text PRIMARY KEY,
        households   int  NOT NULL CHECK (households > 0))`);
    await queryRunner.query(
      `CREATE VIEW reporting.enrolment_targets AS SELECT year, org_unit_code, households AS target_households FROM programme.enrolment_targets`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA programme CASCADE`);
  }
}
