import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegisterCsv } from '../programme-register/register-csv';
import { CampaignPlan } from './plan';
import { registerCsv, syntheticRegister, syntheticTargets } from './register';

describe("the synthetic city's household register", () => {
  const plan = new CampaignPlan({ seed: 1, households: 70_200, years: 4 });
  const rows = syntheticRegister(plan);

  it('is the shipped file (npm run reference:synthetic-register rewrites it)', () => {
    const shipped = readFileSync(join(__dirname, '../reference-data/village-households.synthetic.csv'), 'utf8');
    expect(shipped).toBe(registerCsv(rows));
    expect(parseRegisterCsv('village-households', shipped)).toHaveLength(386 * 4);
  });

  it('never counts fewer households in a village than the plan has enrolled there by that year', () => {
    const short: unknown[] = [];
    for (const row of rows) {
      const village = plan.city.villages.find((v) => v.unit.code === row.orgUnitCode)!;
      const byYear = village.enrolments.slice(0, row.year - plan.firstYear + 1).reduce((a, n) => a + n, 0);
      if (row.households < byYear) short.push(row);
    }
    expect(short).toEqual([]);
  });

  it('sets the city’s enrolment target of each year to the cohort the plan enrols: 70,200 in 2012', () => {
    const targets = syntheticTargets(plan);
    expect(targets[0]).toEqual({ orgUnitCode: '640100', year: 2012, households: 70_200 });
    expect(targets.reduce((sum, t) => sum + t.households, 0)).toBe(plan.households);
  });
});
