/**
 * Support events: incentive and support payments, fund disbursements and donated goods handed to a household
 * under a support programme (libs/reference-data/support-programmes.v1.json). The `type` strings are stored
 * names: frozen (see ../event-types.unit.spec.ts). Money is integer fen; `units` count goods (0 for cash).
 */
import { HouseholdCategory } from '../household/events';
import { DomainEvent } from '../shared';

/** What every support event names, so a read model can count it without folding the stream. */
type SupportRef = {
  supportId: string;
  householdId: string;
  programmeCode: string;
};

/** An amount of money (or, in kind, the value of the goods) in fen, and the goods counted in units. */
export type SupportQuantity = {
  amountFen: number;
  units: number;
};

/** `householdCategory` is the household's category when the support was granted: the figures count it there. */
export type SupportGranted = DomainEvent<'SupportGranted', SupportRef & SupportQuantity & { householdCategory: HouseholdCategory }>;

/** Part or all of what was granted reached the household. */
export type SupportDelivered = DomainEvent<'SupportDelivered', SupportRef & SupportQuantity>;

/** The household gave back part or all of what it had received (a wheelchair no longer needed, money repaid). */
export type SupportReturned = DomainEvent<'SupportReturned', SupportRef & SupportQuantity & { reason: string }>;

/**
 * The grant was undone (recorded in error, or the household found not entitled). It carries what it takes
 * out of the figures: the grant, and what had been delivered and not returned, so read models need not fold.
 */
export type SupportReversed = DomainEvent<
  'SupportReversed',
  SupportRef & { reason: string; grantedFen: number; grantedUnits: number; heldFen: number; heldUnits: number }
>;

export type SupportEvent = SupportGranted | SupportDelivered | SupportReturned | SupportReversed;

export const SUPPORT_EVENT_TYPES: readonly SupportEvent['type'][] = [
  'SupportGranted',
  'SupportDelivered',
  'SupportReturned',
  'SupportReversed',
];
