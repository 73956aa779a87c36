/**
 * The documents of issued bulletins, content-addressed: the key is the SHA-256 of the bytes (the database
 * checks it), so a document is stored once and can never be swapped for another under the same hash.
 */
import { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type DocumentFormat = keyof typeof MEDIA_TYPES;

export interface StoredDocument {
  sha256: string;
  mediaType: string;
  bytes: Buffer;
}

/** Keeps the documents; one already kept (same hash, so same bytes) is left as it is. */
export async function keepDocuments(db: Queryable, documents: readonly StoredDocument[]): Promise<void> {
  for (const { sha256, mediaType, bytes } of documents) {
    await db.query(`INSERT INTO bulletins.documents (sha256, media_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [
      sha256,
      mediaType,
      bytes,
    ]);
  }
}

export async function loadDocument(db: Queryable, sha256: string): Promise<StoredDocument | undefined> {
  const rows: { sha256: string; media_type: string; bytes: Buffer }[] = await db.query(
    `SELECT sha256, media_type, bytes FROM bulletins.documents WHERE sha256 = $1`,
    [sha256],
  );
  return rows[0] && { sha256: rows[0].sha256, mediaType: rows[0].media_type, bytes: rows[0].bytes };
}
