/**
 * npm run generate -- --households 70200 --years 4 --seed 1 [--mode commands|bulk] [--events N]
 * `--households` is the first year's cohort (the seed's 70,200); the later cohorts, the register, the pilot
 * villages and the loan book scale with it, the group activities are the report's in full at any scale.
 * Writes the synthetic campaign into an empty log: DATABASE_URL, or --database-url, or the embedded
 * PostgreSQL under DATA_DIR that `npm start` uses (EventStoreDB for the log when EVENTSTORE_URL is set).
 * The command path by default, the bulk load with --events or --mode bulk. Same seed, same streams in either
 * mode and order: each stream's events, ids and revisions; not the interleaving of streams in the global log,
 * recording times, hashes, or the ciphertext of personal fields (fresh keys and IVs each run). At the end it
 * loads the synthetic city's registers (household register, enrolment targets) and prints the campaign's
 * figures as counted from the events written.
 */
import { Config, loadConfig } from '../../libs/config';
import { CampaignPlan, CampaignTally, generateInShards, generatePlanned } from '../../libs/generator';
import { databaseSchema } from '../../projections/index';
import { openRuntime, Runtime } from '../../libs/runtime';
import { GenerateArgs, parseGenerateArgs } from './args';
import { cityHouseholdsByYear, loadCityRegisters } from './city-registers';
import { loadByCommands, LoadProgress } from './by-commands';
import { estimateEvents, householdsFor } from './estimate';
import { loadInBulk } from './in-bulk';
import { generateProgress } from './progress';
import { describeError } from '../../libs/errors/describe-error';

async function main(): Promise<void> {
  const args = parseGenerateArgs(process.argv.slice(2));
  const households = args.events === undefined ? args.households : householdsFor(args.events, args.seed, args.years);
  const plan = new CampaignPlan({ seed: args.seed, households, years: args.years });
  const estimate = estimateEvents(households, args.seed, args.years);
  const config = loadConfig({ ...process.env, ...(args.databaseUrl && { DATABASE_URL: args.databaseUrl }) });
  const runtime = await openRuntime(config, { schema: databaseSchema });
  const range = slice(plan, args);
  const first = range.from === 0;
  try {
    const empty = (await runtime.eventStore.headPosition()) === undefined;
    // --range adds to a log on purpose (it finishes or takes over a slice); anything else starts an empty one.
    if (first && !args.range && !empty) throw new Error(notEmpty(target(config, runtime, args)));
    if (!first && empty)
      throw new Error(
        `households from ${range.from} on add to the log the first part began: start it first, this one once it says its first shard is in`,
      );
    console.log(
      `generating seed ${args.seed}: ${plan.households} households (${households} enrolled in the first year), ${[...plan.loans.values()].flat().length} loans to ${plan.loans.size} borrowers, ${args.years} years, about ${Math.round(estimate)} events`,
    );
    const how =
      args.mode === 'bulk'
        ? `${args.shard} households at a time${args.part || args.range ? `, households [${range.from}, ${range.to})` : ''}`
        : `${args.concurrency} commands in flight, ${args.order === 'time' ? 'in time order' : `${args.shard} households at a time`}`;
    console.log(`mode ${args.mode}, ${how}; writing to ${target(config, runtime, args)}`);
    // Before the events, not after: a part split off with --range (or a load stopped half-way) leaves them in place.
    if (first) {
      await loadCityRegisters(runtime.dataSource, plan);
      console.log(`loaded the city's household register and enrolment targets (npm run reference:load can replace them)`);
    }
    const tally = new CampaignTally(plan.reference, cityHouseholdsByYear(plan));
    const started = Date.now();
    // A part's bar counts against its own slice (the city's own streams, a few thousand events, aside).
    const share = args.part || args.range ? (estimate * (range.to - range.from)) / plan.households : estimate;
    const done = await load(runtime, plan, args, range, share, (events, occurredAt) =>
      events.forEach((event) => tally.add(event, occurredAt)),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `wrote ${done.events} events from ${done.commands} commands in ${seconds.toFixed(1)} s (${Math.round(done.events / seconds)} events/s)`,
    );
    if (args.part || args.range)
      console.log(`figures of households [${range.from}, ${range.to}) alone (the API's indicators count every part):`);
    for (const line of tally.describe()) console.log(`  ${line}`);
  } finally {
    await runtime.close();
  }
}

/** The service's own store: whatever it does on append (personal-field encryption) applies to generated events. */
async function load(
  runtime: Runtime,
  plan: CampaignPlan,
  args: GenerateArgs,
  range: { from: number; to: number },
  estimate: number,
  onWritten: Parameters<typeof loadByCommands>[2]['onWritten'],
): Promise<LoadProgress> {
  const progress = generateProgress(args.mode, estimate);
  const options = { onProgress: progress.update, onWritten };
  const done =
    args.mode === 'commands'
      ? await loadByCommands(runtime.eventStore, args.order === 'time' ? generatePlanned(plan) : generateInShards(plan, args.shard), {
          ...options,
          concurrency: args.concurrency,
        })
      : await loadInBulk(runtime.eventStore, plan, {
          ...options,
          shard: args.shard,
          range,
          onFirstShard: () =>
            args.part?.index === 1 && console.log(`\nthe first shard (the city's own streams) is in: start the other parts now`),
        });
  progress.stop(done);
  return done;
}

/** The households this process writes: all, or its part's slice (whole shards, the last slice what is left). */
function slice(plan: CampaignPlan, args: GenerateArgs): { from: number; to: number } {
  if (args.range) return { from: Math.min(args.range.from, plan.households), to: Math.min(args.range.to, plan.households) };
  if (!args.part) return { from: 0, to: plan.households };
  const size = Math.ceil(plan.households / args.part.of / args.shard) * args.shard;
  const from = Math.min((args.part.index - 1) * size, plan.households);
  return { from, to: Math.min(from + size, plan.households) };
}

/** Where the log goes, said plainly so that a DATABASE_URL or EVENTSTORE_URL left in the environment is not used unnoticed. */
function target(config: Config, runtime: Runtime, args: GenerateArgs): string {
  const database =
    runtime.databaseSource === 'embedded'
      ? `the embedded PostgreSQL under ${config.dataDir}/postgres`
      : `PostgreSQL at ${hostAndDatabase(runtime.databaseUrl)} (${args.databaseUrl ? '--database-url' : 'DATABASE_URL'})`;
  return config.eventStoreUrl
    ? `EventStoreDB at ${hostAndDatabase(config.eventStoreUrl)} (EVENTSTORE_URL), read models in ${database}`
    : database;
}

/** Generated streams would collide with (or be mixed into) what the log holds, so only an empty one is written to. */
function notEmpty(where: string): string {
  return (
    `the log (${where}) already holds events, and generate writes only into an empty log. Nothing was written. ` +
    'Point it at an empty one: another DATA_DIR (a fresh embedded PostgreSQL), or DATABASE_URL / --database-url naming an empty database'
  );
}

/** Host and path only: a URL's user and password stay out of the output. */
function hostAndDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

main().catch((error: unknown) => {
  console.error(`generate failed: ${describeError(error)}`);
  process.exit(1);
});
