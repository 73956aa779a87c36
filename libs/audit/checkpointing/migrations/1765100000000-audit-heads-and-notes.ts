import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What checkpoints commit to beyond the log's root, and how they are published:
 *  - heads_root, stream_count: the tree over the streams' heads (stream-heads.ts), signed with the root;
 *  - note: the checkpoint as a C2SP signed note (tlog-checkpoint), as signed: served byte for byte;
 *  - signing_keys: every checkpoint key the service has used, and the checkpoint that announced it;
 *  - cosignatures: witnesses' cosignature lines on a checkpoint, checked before they are stored.
 */
export class AuditHeadsAndNotes1765100000000 implements MigrationInterface {
  name = 'AuditHeadsAndNotes1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE audit.checkpoints ADD COLUMN heads_root text, ADD COLUMN stream_count bigint, ADD COLUMN note text`,
    );
    await queryRunner.query(`CREATE INDEX checkpoints_size ON audit.checkpoints (event_count)`);
    await queryRunner.query(`
      CREATE TABLE audit.signing_keys (
        key_id        text        PRIMARY KEY,
        public_key    text        NOT NULL,
        verifier_key  text        NOT NULL,
        announced_by  text,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE audit.cosignatures (
        event_count   bigint      NOT NULL,
        witness       text        NOT NULL,
        line          text        NOT NULL,
        received_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_count, witness)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.cosignatures`);
    await queryRunner.query(`DROP TABLE audit.signing_keys`);
    await queryRunner.query(`DROP INDEX audit.checkpoints_size`);
    await queryRunner.query(`ALTER TABLE audit.checkpoints DROP COLUMN note, DROP COLUMN stream_count, DROP COLUMN heads_root`);
  }
}
