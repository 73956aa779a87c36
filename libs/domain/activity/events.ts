/**
 * Group activities: what a department, or a district, township or village centre, holds for many people
 * at once (trainings, lectures, outreach, the "three checks" service rounds, meetings, volunteer days).
 * Counts only: who attended is not recorded, so these events carry no personal data.
 */
import { FocusArea } from '../household/events';
import { DomainEvent } from '../shared';

export const ACTIVITY_KINDS = [
  'happiness-training',
  'vocational-training',
  'entrepreneurship-training',
  'lecture',
  'outreach-performance',
  'outreach-contest',
  'street-counselling',
  'three-checks-round',
  'cadre-training',
  'launch-meeting',
  'progress-meeting',
  'volunteer-service-day',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Outreach materials put up for the activity, as counts. */
export type OutreachMaterials = {
  boards: number;
  walls: number;
  billboards: number;
  lightBoxes: number;
};

export type ActivityFacts = {
  kind: ActivityKind;
  focusArea: FocusArea;
  /** The org unit it was held in (city, district, township or village code). */
  orgUnitCode: string;
  departmentCode: string;
  /** The local date it was held (programme calendar), YYYY-MM-DD. */
  heldOn: string;
  sessions: number;
  attendance: number;
  costFen: number;
  materials: OutreachMaterials;
};

export type GroupActivityHeld = DomainEvent<'GroupActivityHeld', { activityId: string; reason: string } & ActivityFacts>;
export type GroupActivityCorrected = DomainEvent<
  'GroupActivityCorrected',
  { activityId: string; reason: string; before: ActivityFacts; after: ActivityFacts }
>;
export type GroupActivityCancelled = DomainEvent<'GroupActivityCancelled', { activityId: string; reason: string; before: ActivityFacts }>;

export type ActivityEvent = GroupActivityHeld | GroupActivityCorrected | GroupActivityCancelled;

export const ACTIVITY_EVENT_TYPES = [
  'GroupActivityHeld',
  'GroupActivityCorrected',
  'GroupActivityCancelled',
] as const satisfies readonly ActivityEvent['type'][];

const _allListed: [Exclude<ActivityEvent['type'], (typeof ACTIVITY_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
