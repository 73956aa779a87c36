import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The issued bulletins' documents, addressed by their SHA-256 (the hash BulletinIssued records). Kept so a
 * download is a read; the log can always make them again (libs/bulletins/generate.ts), byte for byte.
 */
export class BulletinDocuments1765220000000 implements MigrationInterface {
  name = 'BulletinDocuments1765220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS bulletins`);
    await queryRunner.query(`
      CREATE TABLE bulletins.documents (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        media_type text NOT NULL,
        bytes bytea NOT NULL,
        CHECK (encode(sha256(bytes), 'hex') = sha256)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bulletins.documents`);
  }
}
