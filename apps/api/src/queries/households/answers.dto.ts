/** What `GET /households/{id}` answers: the household folded from its stream (no personal fields: those stay in the events). */
import { HouseholdCategory } from '@libs/domain/household';

export class HouseholdViewDto {
  status!: 'Enrolled' | 'Withdrawn';
  /** Present once withdrawn. */
  withdrawalReason?: string;
  householdId!: string;
  villageCode!: string;
  category!: HouseholdCategory;
  members!: number;
  /** By need id: its focus area and whether a service has met it. */
  needs!: object;
  /** By service id: department, service type, focus area, the need it answers, the satisfaction recorded. */
  services!: object;
  /** `{ status: 'Uncertified' }` or `{ status: 'Certified', criteriaVersion, assessedBy }`. */
  certification!: object;
  /** The stream's revision, also the ETag. */
  revision!: number;
}

