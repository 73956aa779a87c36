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

/** A page of GET /households: no personal field. */
export class HouseholdPage {
  /** Log position the list reflects; null before the register has handled anything. */
  position!: string | null;
  /** One row per household: id, village, category, status. */
  households!: object[];
  /** Cursor of the next page (also in the Link header); null on the last page. */
  next!: string | null;
}
