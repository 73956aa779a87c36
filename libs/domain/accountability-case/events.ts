/**
 * Accountability case events (stream `case-<id>`). The `type` strings are stored names: frozen.
 * Every event carries the reason its command gave, so the audit trail answers "why" without joins.
 * Officials appear by id and position only; names are personal data and stay out of the log.
 */
import { DomainEvent } from '../shared';

export const CASE_GROUNDS = ['passive', 'delayed', 'perfunctory', 'formal-compliance-only', 'other'] as const;
export type CaseGround = (typeof CASE_GROUNDS)[number];

/** Ordered: a case only escalates upwards. */
export const ESCALATION_LEVELS = ['city-leading-group', 'discipline-inspection-commission'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ACCOUNTABILITY_MEASURES = [
  'admonition-talk',
  'written-self-examination',
  'circulated-criticism',
  'post-adjustment',
  'removal-from-post',
  'referred-for-discipline',
] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];

export const CASE_RESOLUTIONS = ['rectified', 'held-accountable', 'unfounded', 'other'] as const;
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];

export const CASE_ROLES = ['supervisor', 'city-office', 'subject-unit'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export interface Evidence {
  /** A document number, photo digest or visit id: where the evidence can be found. */
  reference: string;
  description: string;
}

export type CaseOpened = DomainEvent<
  'CaseOpened',
  {
    caseId: string;
    subjectUnit: string;
    districtCode: string;
    grounds: CaseGround[];
    evidence: Evidence[];
    openedBy: { actor: string; role: CaseRole };
    reason: string;
  }
>;

/** `round` counts the orders of this case from 1: a rejected rectification may be ordered again. */
export type RectificationOrdered = DomainEvent<
  'RectificationOrdered',
  { round: number; requirements: string[]; deadline: string; reason: string }
>;
/**
 * `reportedBy` (v2) is the person who reported: the metadata's `authenticatedAs` when an administrator named
 * another actor, else its `actor`; `reportedAs` is the actor it was recorded as (the same name unless an
 * administrator named another). Kept in the data so that the fold knows who may not judge this report under
 * either name; both null for a v1 event, stored before they were written (upcasting/).
 */
export type RectificationReported = DomainEvent<
  'RectificationReported',
  {
    round: number;
    report: string;
    evidence: Evidence[];
    late: boolean;
    reason: string;
    /** The person who reported (the authenticated subject when an administrator named another actor); null in a v1 event. */
    reportedBy: string | null;
    /** The actor the report was recorded as: the same as reportedBy unless an administrator named another; null in a v1 event. */
    reportedAs: string | null;
  }
>;
export type RectificationAccepted = DomainEvent<'RectificationAccepted', { round: number; reason: string }>;
export type RectificationRejected = DomainEvent<'RectificationRejected', { round: number; reason: string }>;
export type CriticismIssued = DomainEvent<'CriticismIssued', { bulletinId: string; reason: string }>;
export type LeaderHeldAccountable = DomainEvent<
  'LeaderHeldAccountable',
  { officialId: string; position: string; measure: AccountabilityMeasure; reason: string }
>;
export type CaseEscalated = DomainEvent<'CaseEscalated', { to: EscalationLevel; reason: string }>;
/** `waiver` is set when the case closed over an outstanding rectification, and says why that was let go. */
export type CaseClosed = DomainEvent<
  'CaseClosed',
  { resolution: CaseResolution; reason: string; waiver: { round: number; reason: string } | null }
>;
export type CaseReopened = DomainEvent<'CaseReopened', { reason: string }>;

export type CaseEvent =
  | CaseOpened
  | RectificationOrdered
  | RectificationReported
  | RectificationAccepted
  | RectificationRejected
  | CriticismIssued
  | LeaderHeldAccountable
  | CaseEscalated
  | CaseClosed
  | CaseReopened;

/** The stored names, for the frozen registry; the check below fails to compile when the union and this list part. */
export const CASE_EVENT_TYPES = [
  'CaseOpened',
  'RectificationOrdered',
  'RectificationReported',
  'RectificationAccepted',
  'RectificationRejected',
  'CriticismIssued',
  'LeaderHeldAccountable',
  'CaseEscalated',
  'CaseClosed',
  'CaseReopened',
] as const satisfies readonly CaseEvent['type'][];

const _allListed: [Exclude<CaseEvent['type'], (typeof CASE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
