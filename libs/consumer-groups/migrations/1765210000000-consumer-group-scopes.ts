import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A group belongs to the org unit of the token that created it: it receives only the events of streams
 * inside that unit, and only tokens whose own unit contains it may use it. Groups made before: the city's.
 */
export class ConsumerGroupScopes1765210000000 implements MigrationInterface {
  name = 'ConsumerGroupScopes1765210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consumer_groups.groups ADD COLUMN scope text NOT NULL DEFAULT '640100'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consumer_groups.groups DROP COLUMN scope`);
  }
}
