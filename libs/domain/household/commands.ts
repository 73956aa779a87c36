import { Command } from '../shared';
import { HouseholdCategory, PersonalDetails } from './events';

export type EnrollHousehold = Command<
  'EnrollHousehold',
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

export type HouseholdCommand = EnrollHousehold;
