/**
 * Household events. The `type` strings are stored names: frozen (see ../event-types.unit.spec.ts).
 * Personal data of the head of household is kept under `head`, so one place knows what to protect;
 * free text that may carry personal or health details is listed in ./catalogue.ts as well.
 */
import { DomainEvent } from '../shared';

export const HOUSEHOLD_CATEGORIES = ['developing', 'stable', 'elderly', 'new-urban'] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

export const FOCUS_AREAS = ['civility', 'health', 'birth-and-parenting', 'prosperity', 'social-contribution'] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const NEED_KINDS = ['knowledge', 'skills', 'project', 'health-service', 'loan', 'care'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const SATISFACTION_RESPONSES = ['satisfied', 'neutral', 'dissatisfied', 'no-answer'] as const;
export type SatisfactionResponse = (typeof SATISFACTION_RESPONSES)[number];

export interface PersonalDetails {
  name: string;
  idNumber?: string;
  phone?: string;
}

export type HouseholdEnrolled = DomainEvent<
  'HouseholdEnrolled',
  {
    householdId: string;
    villageCode: string;
    category: HouseholdCategory;
    members: number;
    head: PersonalDetails;
    enrolmentYear: number;
    batch: number;
  }
>;

export type HouseholdRecategorized = DomainEvent<
  'HouseholdRecategorized',
  { householdId: string; from: HouseholdCategory; to: HouseholdCategory; reason: string }
>;

export type HouseholdWithdrawn = DomainEvent<'HouseholdWithdrawn', { householdId: string; reason: string }>;

export type NeedRecorded = DomainEvent<
  'NeedRecorded',
  { householdId: string; needId: string; focusArea: FocusArea; kind: NeedKind; description: string }
>;

export type ServiceDelivered = DomainEvent<
  'ServiceDelivered',
  {
    householdId: string;
    serviceId: string;
    /** Absent when the service answered no recorded need (e.g. a village-wide health check). */
    needId?: string;
    departmentCode: string;
    serviceTypeCode: string;
    focusArea: FocusArea;
    /** ISO-8601 UTC. */
    deliveredAt: string;
  }
>;

/** Carries the rated service's department, type and focus area so rate read models need no join. */
export type SatisfactionRecorded = DomainEvent<
  'SatisfactionRecorded',
  {
    householdId: string;
    serviceId: string;
    response: SatisfactionResponse;
    departmentCode: string;
    serviceTypeCode: string;
    focusArea: FocusArea;
  }
>;

/** `assessedBy` is the assessing official's staff id, not personal data of the household. */
export type HouseholdCertified = DomainEvent<'HouseholdCertified', { householdId: string; criteriaVersion: string; assessedBy: string }>;

export type CertificationRevoked = DomainEvent<'CertificationRevoked', { householdId: string; criteriaVersion: string; reason: string }>;

export type HouseholdEvent =
  | HouseholdEnrolled
  | HouseholdRecategorized
  | HouseholdWithdrawn
  | NeedRecorded
  | ServiceDelivered
  | SatisfactionRecorded
  | HouseholdCertified
  | CertificationRevoked;
