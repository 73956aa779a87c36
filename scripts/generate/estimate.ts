/** How many events the campaign comes to: households (with their loans) from a sample, plus the programme's own streams. */
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';

const SAMPLE = 400;

function countEvents(plan: CampaignPlan, options: Parameters<typeof generatePlanned>[1]): number {
  const decisions = new InMemoryDecisions();
  let events = 0;
  for (const item of generatePlanned(plan, options)) events += decisions.decide(item).length;
  return events;
}

export function eventsPerHousehold(seed: number, years: number): number {
  return countEvents(new CampaignPlan({ seed, households: SAMPLE, years }), { programme: false }) / SAMPLE;
}

/** The city's own parts (supervision, cases, pilot villages, activities): much the same whatever the number of households. */
export function programmeEvents(seed: number, years: number): number {
  return countEvents(new CampaignPlan({ seed, households: SAMPLE, years }), { range: { from: 0, to: 0 } });
}

export function estimateEvents(households: number, seed: number, years: number): number {
  return households * eventsPerHousehold(seed, years) + programmeEvents(seed, years);
}

/** Households that make about `events` events. */
export function householdsFor(events: number, seed: number, years: number): number {
  return Math.max(1, Math.round((events - programmeEvents(seed, years)) / eventsPerHousehold(seed, years)));
}
