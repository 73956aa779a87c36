/**
 * Household events. The `type` strings are stored names: frozen (see ../event-types.unit.spec.ts).
 * Personal data of the head of household is kept under `head`, so one place knows what to protect.
 */
import { DomainEvent } from '../shared';

export const HOUSEHOLD_CATEGORIES = ['developing', 'stable', 'elderly', 'new-urban'] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

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

export type HouseholdEvent = HouseholdEnrolled;
