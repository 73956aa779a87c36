/**
 * Supervision events, one stream per district. The `type` strings are stored names: frozen.
 * Instants the state needs (assignment start and end) are copied into `data`, because evolve sees no metadata.
 */
import { DomainEvent } from '../shared';

export const BULLETIN_KINDS = ['progress', 'criticism'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

/**
 * The bulletin pack a BulletinIssued carries (v2): the hashes of its two documents and the log position its
 * figures were read at. Generated again from the log up to `asOf` with the same layout, the documents come
 * out byte for byte the same, so the hashes let anyone check a copy against the log.
 */
export interface BulletinDocument {
  /** Hex SHA-256 of the PDF. */
  pdfSha256: string;
  /** Hex SHA-256 of the Excel workbook (.xlsx). */
  xlsxSha256: string;
  /** The global log position (text form, libs/event-store formatPosition) the figures were read at. */
  asOf: string;
  /** The generator's layout, e.g. `bulletin-pack/1`: a new layout is a new name, never a changed one. */
  layout: string;
}

export type SupervisorAssigned = DomainEvent<
  'SupervisorAssigned',
  { districtCode: string; supervisorId: string; assignedAt: string; reason: string }
>;

/** Emitted on reassignment (just before the next SupervisorAssigned) and on EndSupervisorAssignment. */
export type SupervisorAssignmentEnded = DomainEvent<
  'SupervisorAssignmentEnded',
  { districtCode: string; supervisorId: string; endedAt: string; reason: string }
>;

export type SupervisionVisitRecorded = DomainEvent<
  'SupervisionVisitRecorded',
  { districtCode: string; supervisorId: string; month: string; visitedAt: string; unitsVisited: string[]; findings: string }
>;

export type BulletinIssued = DomainEvent<
  'BulletinIssued',
  {
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
    document: BulletinDocument | null;
  }
>;

export type SupervisionEvent = SupervisorAssigned | SupervisorAssignmentEnded | SupervisionVisitRecorded | BulletinIssued;

/** The stored names, for the frozen registry. The check below fails to compile when the union and this list part. */
export const SUPERVISION_EVENT_TYPES = [
  'SupervisorAssigned',
  'SupervisorAssignmentEnded',
  'SupervisionVisitRecorded',
  'BulletinIssued',
] as const satisfies readonly SupervisionEvent['type'][];

const _allListed: [Exclude<SupervisionEvent['type'], (typeof SUPERVISION_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
