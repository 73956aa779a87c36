import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers stored before they were sealed (../personal-answers.ts) may hold a claim's personal fields in
 * the clear: they are dropped. A retry with such a key executes afresh (a claim leases again).
 */
export class SealedAnswers1764580000000 implements MigrationInterface {
  name = 'SealedAnswers1764580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM idempotency.keys WHERE jsonb_typeof(body->'events') = 'array'`);
  }

  async down(): Promise<void> {
    // Nothing to restore.
  }
}
