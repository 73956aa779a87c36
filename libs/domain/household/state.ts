import { HouseholdCategory } from './events';

export type HouseholdState =
  | { status: 'NotEnrolled' }
  | { status: 'Enrolled'; householdId: string; villageCode: string; category: HouseholdCategory; members: number };

export const initialHouseholdState: HouseholdState = { status: 'NotEnrolled' };
