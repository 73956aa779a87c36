/**
 * Every stored support event type, with the paths of its fields that hold personal data. The household is
 * named by id only; the reasons for a return or a reversal may describe the family (a death, a disability).
 * Keyed by the event union, so adding an event without an entry here does not compile.
 */
import { SupportEvent } from './events';

export const SUPPORT_EVENT_CATALOGUE: { readonly [Type in SupportEvent['type']]: { readonly personalFields: readonly string[] } } = {
  SupportGranted: { personalFields: [] },
  SupportDelivered: { personalFields: [] },
  SupportReturned: { personalFields: ['reason'] },
  SupportReversed: { personalFields: ['reason'] },
};
