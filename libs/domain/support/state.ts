/** What the support rules need, folded from its events. */
import { HouseholdCategory } from '../household/events';

export interface SupportFacts {
  supportId: string;
  householdId: string;
  programmeCode: string;
  householdCategory: HouseholdCategory;
  grantedFen: number;
  grantedUnits: number;
  deliveredFen: number;
  deliveredUnits: number;
  returnedFen: number;
  returnedUnits: number;
}

export type NotGrantedSupport = { status: 'NotGranted' };
export type GrantedSupport = { status: 'Granted' } & SupportFacts;
/** Final: nothing more is delivered, returned or reversed. */
export type ReversedSupport = { status: 'Reversed'; reversalReason: string } & SupportFacts;

export type SupportState = NotGrantedSupport | GrantedSupport | ReversedSupport;

export const initialSupportState: SupportState = { status: 'NotGranted' };

/** Granted and not yet delivered. */
export const undeliveredOf = (s: SupportFacts) => ({ amountFen: s.grantedFen - s.deliveredFen, units: s.grantedUnits - s.deliveredUnits });

/** Delivered and not returned: what the household holds. */
export const heldOf = (s: SupportFacts) => ({ amountFen: s.deliveredFen - s.returnedFen, units: s.deliveredUnits - s.returnedUnits });
