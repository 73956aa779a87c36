/**
 * The household register of the synthetic city (libs/reference-data/village-households.synthetic.csv), made
 * from the same plan as the campaign so the two agree: each village's households are those the plan enrols
 * there, over the share of a village's households that enrol, growing a little each year. Enrolled households
 * are therefore never more than the register's count. `npm run reference:synthetic-register` rewrites the file.
 */
import { RegisterRow } from '../programme-register/register-csv';
import { CampaignPlan } from './plan';

/** Enrolled households as a share of the households living in a village, and the register's yearly growth. */
export const REGISTER_FIGURES = { enrolledShareOfHouseholds: 0.8, yearlyGrowth: 0.01 } as const;

export function syntheticRegister(plan: CampaignPlan): RegisterRow[] {
  const enrolled = new Map(plan.villages.map((village) => [village.code, 0]));
  for (let index = 0; index < plan.households; index++) {
    const code = plan.villageOf(index).code;
    enrolled.set(code, enrolled.get(code)! + 1);
  }
  const years = Array.from({ length: plan.months / 12 }, (_, i) => plan.firstYear + i);
  return [...enrolled].flatMap(([code, count]) =>
    years.map((year, i) => ({
      orgUnitCode: code,
      year,
      households: Math.max(1, Math.ceil((count / REGISTER_FIGURES.enrolledShareOfHouseholds) * (1 + REGISTER_FIGURES.yearlyGrowth) ** i)),
    })),
  );
}

export function registerCsv(rows: readonly RegisterRow[]): string {
  return ['village_code,year,households', ...rows.map((r) => `${r.orgUnitCode},${r.year},${r.households}`)].join('\n') + '\n';
}
