/** Supervision commands. The acting supervisor is `metadata.actor`; the instant checked is `metadata.occurredAt`. */
import { Command } from '../shared';
import { BulletinDocument, BulletinKind } from './events';

export type AssignSupervisor = Command<'AssignSupervisor', { districtCode: string; supervisorId: string; reason: string }>;

export type EndSupervisorAssignment = Command<'EndSupervisorAssignment', { districtCode: string; reason: string }>;

export type RecordSupervisionVisit = Command<
  'RecordSupervisionVisit',
  { districtCode: string; month: string; unitsVisited: string[]; findings: string }
>;

export type IssueBulletin = Command<
  'IssueBulletin',
  {
    districtCode: string;
    bulletinId: string;
    period: string;
    kind: BulletinKind;
    units: string[];
    summary: string;
    /** The generated pack's hashes and position; absent when no document is issued with it. */
    document?: BulletinDocument;
  }
>;

export type SupervisionCommand = AssignSupervisor | EndSupervisorAssignment | RecordSupervisionVisit | IssueBulletin;
