/**
 * Supervision events, one stream per district. The `type` strings are stored names: frozen.
 * Instants the state needs (assignment start and end) are copied into `data`, because evolve sees no metadata.
 */
import { DomainEvent } from '../shared';

export const BULLETIN_KINDS = ['progress', 'criticism'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

/**
 * The bulletin pack a BulletinIssued carries (v3): the hashes of its two documents, the log position its
 * figures were read at and the scorecard lines it prints. Generated again from the log up to `asOf` with the
 * same layout and scorecard, the documents come out byte for byte the same, so the hashes let anyone check a
 * copy against the log.
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
  /**
   * The scorecard lines the bulletin prints (layout `bulletin-pack/2` on), computed from the read models when
   * it was issued and recorded here, because scores are not a function of the log up to `asOf` alone (the
   * scheme versions are reference data, the read models move on): regenerating prints these. Null in layout
   * `bulletin-pack/1` (every v2 event), which printed no scores.
   */
  scorecard: BulletinScorecard | null;
}

/** One component of a unit's score, as the scorecard computed it (libs/assessment). */
export interface BulletinScoreComponent {
  /** The component's key in the scheme (`certification`, `cases-overdue`). */
  key: string;
  /** The assessment line: `party-government`, `family-planning`. */
  line: string;
  /** What it measures: `indicator:<name>`, `supervision-compliance`, `cases-opened`... */
  measure: string;
  /** How the value reads: a proportion (printed as a percentage) or a count. */
  unit: 'proportion' | 'count';
  weight: number;
  target: number;
  /** Null when there was nothing to measure (no points). */
  value: number | null;
  points: number;
}

/** A district's score for the bimonth, ranked among the city's districts. */
export interface BulletinScoreRow {
  /** The district's code. */
  unit: string;
  rank: number;
  total: number;
  /** Against the previous bimonth; null when it was not scored. */
  change: { period: string; total: number; rank: number; totalChange: number; rankChange: number } | null;
  components: BulletinScoreComponent[];
}

/** The districts' scorecard for a bulletin's bimonth, under the scheme version in effect then. */
export interface BulletinScorecard {
  /** The scheme's code (`happy-family`). */
  scheme: string;
  /** The version in effect for the bimonth; null when the scheme had not taken effect by then (no rows). */
  version: number | null;
  /** The bimonth scored (`YYYYMMB`) and the one it is compared with. */
  period: string;
  previousPeriod: string;
  /** ISO-8601 UTC: the instant scored at (reports due after it are not yet due). */
  scoredAt: string;
  /** Each read model read, and the log position its figures reflected (at least the bulletin's `asOf`). */
  reflects: { readModel: string; position: string | null }[];
  /** Every district, best first. */
  rows: BulletinScoreRow[];
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
