/** How many events the campaign comes to, from a sample of households decided in memory. */
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';

const SAMPLE = 400;

export function eventsPerHousehold(seed: number, years: number): number {
  const plan = new CampaignPlan({ seed, households: SAMPLE, years });
  const decisions = new InMemoryDecisions();
  let events = 0;
  for (const item of generatePlanned(plan, { programme: false })) events += decisions.decide(item).length;
  return events / SAMPLE;
}

/** Households that make about `events` events (the programme's own streams add a few hundred a year). */
export function householdsFor(events: number, seed: number, years: number): number {
  return Math.max(1, Math.round(events / eventsPerHousehold(seed, years)));
}
