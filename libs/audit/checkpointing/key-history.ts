/**
 * The history of the checkpoint-signing keys (audit.signing_keys): every key the service signed with, its
 * note verifier key, and the checkpoint that announced it (a rotation), so that checkpoints signed before a
 * rotation still verify, and an auditor who trusted the old key can follow the announcement to the new.
 */
import { KeyObject } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { exportPublicKey, keyFingerprint } from '../signing';
import { noteVerifierKey } from './checkpoint-notes';

type Queryable = Pick<EntityManager, 'query'>;

export interface KeyRecord {
  keyId: string;
  publicKey: string;
  verifierKey: string;
  /** Tree size of the checkpoint that announced the key (signed by the key before it); null for the first. */
  announcedBy: number | null;
  firstCheckpoint: number | null;
  lastCheckpoint: number | null;
}

/** Records a key once; a second call (every start) changes nothing. */
export async function recordKey(db: Queryable, origin: string, key: KeyObject, announcedBy: number | null = null): Promise<void> {
  await db.query(
    `INSERT INTO audit.signing_keys (key_id, public_key, verifier_key, announced_by) VALUES ($1, $2, $3, $4) ON CONFLICT (key_id) DO NOTHING`,
    [keyFingerprint(key), exportPublicKey(key), noteVerifierKey(origin, key), announcedBy],
  );
}

export async function keyHistory(db: Queryable): Promise<KeyRecord[]> {
  const rows: {
    key_id: string;
    public_key: string;
    verifier_key: string;
    announced_by: string | null;
    first: string | null;
    last: string | null;
  }[] = await db.query(
    `SELECT k.key_id, k.public_key, k.verifier_key, k.announced_by, min(c.event_count) AS first, max(c.event_count) AS last
       FROM audit.signing_keys k LEFT JOIN audit.checkpoints c ON c.key_id = k.key_id
      GROUP BY k.key_id, k.public_key, k.verifier_key, k.announced_by, k.created_at
      ORDER BY k.created_at, k.key_id`,
  );
  const size = (value: string | null) => (value === null ? null : Number(value));
  return rows.map((row) => ({
    keyId: row.key_id,
    publicKey: row.public_key,
    verifierKey: row.verifier_key,
    announcedBy: size(row.announced_by),
    firstCheckpoint: size(row.first),
    lastCheckpoint: size(row.last),
  }));
}
