/**
 * The synthetic city's registers, loaded beside its log: the households living in each village by year (the
 * denominator of the 60% goal and of pilot coverage) and the city's enrolment target for each year (the
 * cohort the plan enrols), each as a new version whose source names the plan, whatever its scale.
 */
import { DataSource } from 'typeorm';
import { CampaignPlan, syntheticRegister, syntheticTargets } from '../../libs/generator';
import { loadRegister } from '../../libs/programme-register';

export async function loadCityRegisters(dataSource: DataSource, plan: CampaignPlan): Promise<void> {
  const source = `synthetic city of npm run generate (seed ${plan.seed}, first cohort ${plan.firstCohort}, ${plan.months / 12} years)`;
  await loadRegister(dataSource, 'village-households', syntheticRegister(plan), source, 'generator');
  await loadRegister(dataSource, 'enrolment-targets', syntheticTargets(plan), source, 'generator');
}

/** Households living in the city by year, for the tally's share of all households. */
export function cityHouseholdsByYear(plan: CampaignPlan): Record<string, number> {
  const byYear: Record<string, number> = {};
  for (const row of syntheticRegister(plan)) byYear[row.year] = (byYear[row.year] ?? 0) + row.households;
  return byYear;
}
