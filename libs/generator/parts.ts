/**
 * The parts of the synthetic campaign, one module each: the one list generateCampaign runs. Each part's
 * streams are its own (no two parts write to one stream), so a part can be added without touching the others.
 */
import { activitiesPart } from './activities';
import { householdsPart } from './households';
import { loansPart } from './loans';
import { CampaignPart } from './part';
import { pilotVillagesPart } from './pilot-villages';
import { programmePart } from './programme';
import { screeningsPart } from './screenings';
import { supportPart } from './support';

export const CAMPAIGN_PARTS: readonly CampaignPart[] = [
  householdsPart,
  loansPart,
  programmePart,
  pilotVillagesPart,
  activitiesPart,
  screeningsPart,
  supportPart,
];
