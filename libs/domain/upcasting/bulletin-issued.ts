/**
 * BulletinIssued v1 recorded that a bulletin was issued, with no document: nothing produced one. v2 carried
 * `document`, the hashes of the generated pack and the log position it was read at. v3 (the current shape)
 * adds the scorecard lines the pack prints, `document.scorecard`: a v2 document (layout `bulletin-pack/1`,
 * which printed no scores) reads with `scorecard: null`, and a v1 event as a bulletin without documents.
 */
import { BulletinIssued, BulletinKind } from '../supervision/events';

type BulletinIssuedV3 = BulletinIssued['data'];
export type BulletinIssuedV1 = Omit<BulletinIssuedV3, 'document'>;

/**
 * The bulletin pack a BulletinIssued carries (v2): the hashes of its two documents and the log position its
 * figures were read at. Generated again from the log up to `asOf` with the same layout, the documents come
 * out byte for byte the same, so the hashes let anyone check a copy against the log.
 */
export interface BulletinDocumentV2 {
  /** Hex SHA-256 of the PDF. */
  pdfSha256: string;
  /** Hex SHA-256 of the Excel workbook (.xlsx). */
  xlsxSha256: string;
  /** The global log position (text form, libs/event-store formatPosition) the figures were read at. */
  asOf: string;
  /** The generator's layout, e.g. `bulletin-pack/1`: a new layout is a new name, never a changed one. */
  layout: string;
}

// Written out whole, as v2 was declared, so its published schema says what it said.
export interface BulletinIssuedV2 {
  districtCode: string;
  bulletinId: string;
  supervisorId: string;
  /** Bimonthly, `YYYYMMB`. */
  period: string;
  kind: BulletinKind;
  /** Codes of the units praised (progress) or criticised (criticism). */
  units: string[];
  summary: string;
  issuedAt: string;
  /** Null for a bulletin recorded without its documents (every v1 event, and the generator's). */
  document: BulletinDocumentV2 | null;
}

/** (V1 | V2 | V3) -> V3; a v3 event comes back as it was (same object). */
export function upcastBulletinIssued(data: BulletinIssuedV1 | BulletinIssuedV2 | BulletinIssuedV3): BulletinIssuedV3 {
  if (!('document' in data)) return { ...data, document: null };
  if (data.document === null || 'scorecard' in data.document) return data as BulletinIssuedV3;
  return { ...data, document: { ...data.document, scorecard: null } };
}
