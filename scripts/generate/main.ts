/**
 * npm run generate -- --households 70200 --years 4 --seed 1 [--mode commands|bulk] [--events N]
 * Writes the synthetic campaign into an empty log: DATABASE_URL, or --database-url, or the embedded
 * PostgreSQL under DATA_DIR that `npm start` uses. Same seed, same events, in either mode.
 */
import { loadConfig } from '../../libs/config';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { openRuntime } from '../../apps/api/src/bootstrap/runtime';
import { parseGenerateArgs } from './args';
import { loadByCommands } from './by-commands';
import { estimateEvents, householdsFor } from './estimate';
import { loadInBulk } from './in-bulk';
import { generateProgress } from './progress';

async function main(): Promise<void> {
  const args = parseGenerateArgs(process.argv.slice(2));
  const households = args.events === undefined ? args.households : householdsFor(args.events, args.seed, args.years);
  const plan = new CampaignPlan({ seed: args.seed, households, years: args.years });
  const estimate = estimateEvents(households, args.seed, args.years);
  const runtime = await openRuntime(loadConfig({ ...process.env, ...(args.databaseUrl && { DATABASE_URL: args.databaseUrl }) }));
  // The service's own store: whatever it does on append (personal-field encryption) applies to generated events.
  const store = runtime.eventStore;
  try {
    if ((await store.headPosition()) !== undefined) throw new Error(`the log (${runtime.databaseSource}) already holds events: generate into an empty database`);
    console.log(`generating seed ${args.seed}: ${households} households, ${plan.loans.size} loans, ${args.years} years, about ${Math.round(estimate)} events, mode ${args.mode} (${runtime.databaseSource})`);
    const progress = generateProgress(args.mode, estimate);
    const started = Date.now();
    const done = args.mode === 'commands'
      ? await loadByCommands(store, generatePlanned(plan), { concurrency: args.concurrency, onProgress: progress.update })
      : await loadInBulk(store, plan, { shard: args.shard, concurrency: Math.min(args.concurrency, 8), onProgress: progress.update });
    progress.stop(done);
    const seconds = (Date.now() - started) / 1000;
    console.log(`wrote ${done.events} events from ${done.commands} commands in ${seconds.toFixed(1)} s (${Math.round(done.events / seconds)} events/s)`);
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  console.error(`generate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
