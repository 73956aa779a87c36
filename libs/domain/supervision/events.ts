/**
 * Supervision events, one stream per district. The `type` strings are stored names: frozen.
 * Instants the state needs (assignment start and end) are copied into `data`, because evolve sees no metadata.
 */
import { DomainEvent } from '../shared';

export const BULLETIN_KINDS = ['progress', 'criticism'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

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
