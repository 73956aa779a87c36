/**
 * One part of the synthetic campaign (households, loans, the programme's own streams, pilot villages,
 * group activities, ...): started once per generation over a range of households, it then gives each
 * month's items. parts.ts is the one list of parts; a new part is a module with one of these, added there.
 */
import { TimedItem } from './items';
import { CampaignPlan } from './plan';

export interface HouseholdRange {
  from: number;
  to: number;
}

export interface CampaignPart {
  /** Short and stable: CampaignOptions.leaveOut names parts by it. */
  name: string;
  /**
   * `households`: generated for each range of households (its streams belong to those households);
   * `city`: the city's own streams, generated once, with the first range (and left out with `programme: false`).
   */
  scope: 'households' | 'city';
  /** Fixes what the part needs for the range; the function it returns gives a month's items, in any order. */
  start(plan: CampaignPlan, range: HouseholdRange): (month: number) => TimedItem[];
}
