import { loadConfig } from '../libs/config';
import { openRuntime } from '../libs/runtime';
import { databaseSchema } from '../projections/index';
import { CampaignPlan } from '../libs/generator';
import { loadCityRegisters } from '../scripts/generate/city-registers';
async function main() {
  const runtime = await openRuntime(loadConfig(), { schema: databaseSchema });
  try {
    await loadCityRegisters(runtime.dataSource, new CampaignPlan({ seed: 1, households: 70_200, years: 4 }));
    console.log('registers loaded');
  } finally { await runtime.close(); }
}
main();
