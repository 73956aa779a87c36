/**
 * Household commands. Each carries the household id it is addressed to; the handler loads `household-<id>`
 * and the decider checks the two agree. Time, ids and the actor arrive in `metadata` or the data itself.
 */
import { Command } from '../shared';
import { FocusArea, HouseholdCategory, NeedKind, PersonalDetails, SatisfactionResponse } from './events';

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

export type RecategorizeHousehold = Command<'RecategorizeHousehold', { householdId: string; to: HouseholdCategory; reason: string }>;

export type WithdrawHousehold = Command<'WithdrawHousehold', { householdId: string; reason: string }>;

export type RecordNeed = Command<
  'RecordNeed',
  { householdId: string; needId: string; focusArea: FocusArea; kind: NeedKind; description: string }
>;

export type DeliverService = Command<
  'DeliverService',
  {
    householdId: string;
    serviceId: string;
    needId?: string;
    departmentCode: string;
    serviceTypeCode: string;
    focusArea: FocusArea;
    deliveredAt: string;
  }
>;

export type RecordSatisfaction = Command<'RecordSatisfaction', { householdId: string; serviceId: string; response: SatisfactionResponse }>;

export type CertifyHappyFamily = Command<'CertifyHappyFamily', { householdId: string; criteriaVersion: string; assessedBy: string }>;

export type RevokeCertification = Command<'RevokeCertification', { householdId: string; reason: string }>;

export type HouseholdCommand =
  | EnrollHousehold
  | RecategorizeHousehold
  | WithdrawHousehold
  | RecordNeed
  | DeliverService
  | RecordSatisfaction
  | CertifyHappyFamily
  | RevokeCertification;
