import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegisterCsv } from '../programme-register/register-csv';
import { CampaignPlan } from './plan';
import { registerCsv, syntheticRegister } from './register';

describe("the synthetic city's household register", () => {
  const plan = new CampaignPlan({ seed: 1, households: 70_200, years: 4 });
  const rows = syntheticRegister(plan);

  it('is the shipped file (npm run reference:synthetic-register rewrites it)', () => {
    const shipped = readFileSync(join(__dirname, '../reference-data/village-households.synthetic.csv'), 'utf8');
    expect(shipped).toBe(registerCsv(rows));
    expect(parseRegisterCsv('village-households', shipped)).toHaveLength(386 * 4);
  });

  it('never counts fewer households in a village than the plan enrols there', () => {
    const enrolled = new Map<string, number>();
    for (let i = 0; i < plan.households; i++) enrolled.set(plan.villageOf(i).code, (enrolled.get(plan.villageOf(i).code) ?? 0) + 1);
    const short = rows.filter((r) => r.households < (enrolled.get(r.orgUnitCode) ?? 0));
    expect(short).toEqual([]);
  });
});
