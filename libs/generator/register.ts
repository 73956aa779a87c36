/**
 * The household register of the synthetic city (libs/reference-data/village-households.synthetic.csv): the
 * households living in each village by year, as the plan's city fixed them (city.ts), so the campaign never
 * enrols more than live there. `npm run reference:synthetic-register` rewrites the file; `npm run generate`
 * loads the register of the plan it generates (any scale), and the city's enrolment targets by year.
 */
import { RegisterRow } from '../programme-register/register-csv';
import { CampaignPlan } from './plan';

export function syntheticRegister(plan: CampaignPlan): RegisterRow[] {
  return plan.city.villages.flatMap((village) =>
    village.register.map((households, i) => ({ orgUnitCode: village.unit.code, year: plan.firstYear + i, households })),
  );
}

/** The city's enrolment target for each year: the cohort the plan enrols that year (70,200 in 2012 at full size). */
export function syntheticTargets(plan: CampaignPlan): RegisterRow[] {
  const years = plan.city.villages[0].enrolments.map((_, i) => i);
  return years.map((i) => ({
    orgUnitCode: plan.reference.unitsAt('city')[0].code,
    year: plan.firstYear + i,
    households: plan.city.villages.reduce((sum, v) => sum + v.enrolments[i], 0),
  }));
}

export function registerCsv(rows: readonly RegisterRow[]): string {
  return ['village_code,year,households', ...rows.map((r) => `${r.orgUnitCode},${r.year},${r.households}`)].join('\n') + '\n';
}
