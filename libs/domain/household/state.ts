/**
 * What the household rules need to know, folded from its events. A withdrawn household keeps what it had
 * (for reads) but accepts nothing further.
 */
import { FocusArea, HouseholdCategory, SatisfactionResponse } from './events';

export interface NeedState {
  focusArea: FocusArea;
  /** True once at least one service has answered it. */
  met: boolean;
}

export interface ServiceState {
  needId?: string;
  departmentCode: string;
  serviceTypeCode: string;
  focusArea: FocusArea;
  /** ISO-8601 UTC: a rating dated before it is refused. */
  deliveredAt: string;
  /** Absent until the household has rated the service. */
  satisfaction?: SatisfactionResponse;
}

export type Certification = { status: 'Uncertified' } | { status: 'Certified'; criteriaVersion: string; assessedBy: string };

export interface HouseholdFacts {
  householdId: string;
  villageCode: string;
  category: HouseholdCategory;
  members: number;
  needs: Readonly<Record<string, NeedState>>;
  services: Readonly<Record<string, ServiceState>>;
  certification: Certification;
}

export type NotEnrolledHousehold = { status: 'NotEnrolled' };
export type EnrolledHousehold = { status: 'Enrolled' } & HouseholdFacts;
export type WithdrawnHousehold = { status: 'Withdrawn'; withdrawalReason: string } & HouseholdFacts;

export type HouseholdState = NotEnrolledHousehold | EnrolledHousehold | WithdrawnHousehold;

export const initialHouseholdState: HouseholdState = { status: 'NotEnrolled' };
