/**
 * Every stored household event type, with the paths of its fields that hold personal data: the head of
 * household's details, and free text a field worker writes (reasons, need descriptions), which can name
 * people or health details. The feed and exports strip these paths (../event-types.ts).
 * Keyed by the event union, so adding an event without an entry here does not compile.
 */
import { HouseholdEvent } from './events';

export const HOUSEHOLD_EVENT_CATALOGUE: { readonly [Type in HouseholdEvent['type']]: { readonly personalFields: readonly string[] } } = {
  HouseholdEnrolled: { personalFields: ['head'] },
  HouseholdRecategorized: { personalFields: ['reason'] },
  HouseholdWithdrawn: { personalFields: ['reason'] },
  NeedRecorded: { personalFields: ['description'] },
  ServiceDelivered: { personalFields: [] },
  SatisfactionRecorded: { personalFields: [] },
  HouseholdCertified: { personalFields: [] },
  CertificationRevoked: { personalFields: ['reason'] },
};
