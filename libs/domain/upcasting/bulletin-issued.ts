/**
 * BulletinIssued v1 recorded that a bulletin was issued, with no document: nothing produced one. v2 (the
 * current shape) carries `document`, the hashes of the generated pack and the log position it was read at;
 * a v1 event reads as a bulletin without documents (`document: null`), which is what it was.
 */
import { BulletinIssued } from '../supervision/events';

type BulletinIssuedV2 = BulletinIssued['data'];
export type BulletinIssuedV1 = Omit<BulletinIssuedV2, 'document'>;

/** (V1 | V2) -> V2; a v2 event comes back as it was (same object). */
export function upcastBulletinIssued(data: BulletinIssuedV1 | BulletinIssuedV2): BulletinIssuedV2 {
  if ('document' in data) return data;
  return { ...data, document: null };
}
