/**
 * Writes the synthetic city's household register from the generator's plan at full size (the defaults of
 * `npm run generate`): `npm run reference:synthetic-register`. libs/generator/register.unit.spec.ts fails when
 * the file and the plan drift apart.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignPlan, registerCsv, syntheticRegister } from '@libs/generator';

export const SYNTHETIC_REGISTER_FILE = join(__dirname, '../../../libs/reference-data/village-households.synthetic.csv');

if (require.main === module) {
  const rows = syntheticRegister(new CampaignPlan({ seed: 1, households: 70_200, years: 4 }));
  writeFileSync(process.argv[2] ?? SYNTHETIC_REGISTER_FILE, registerCsv(rows));
  process.stdout.write(
    `${rows.length} rows, ${rows.filter((r) => r.year === 2015).reduce((sum, r) => sum + r.households, 0)} households in 2015\n`,
  );
}
