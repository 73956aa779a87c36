/**
 * Command line of `npm run generate`:
 *   [--households 70200] [--years 4] [--seed 1] [--mode commands|bulk] [--events N]
 *   [--order shards|time] [--concurrency 1024] [--shard N] [--part K/N] [--database-url URL]
 * `--households` is the first year's cohort (the seed's 70,200, all in pilot villages); the later cohorts, the
 * register and the loan book follow in proportion (about 126,600 households in all at the default).
 * `--events N` scales the households so the log comes to about N events (the loan book scales with them),
 * and, unless `--mode` says otherwise, loads them in bulk: a log that size is too big for the command path.
 * The command path sends its commands `--shard` households at a time (`--order shards`, the default: see
 * generateInShards), or the whole campaign in time order (`--order time`). Shard by shard, the streams a
 * command finds kept (libs/command-handling/folded-states.ts, at most 20,000) are the shard's; in time
 * order every household is active at once: at full size (153,000 streams) most commands would read theirs.
 * `--concurrency` commands in flight on the command path: their appends are committed together (one
 * transaction for those waiting while the last one commits), so more in flight means fewer commits.
 * `--shard` defaults to 1,000 households decided in memory at once in bulk (more make a heap whose
 * collections stall the writes), 250 for the command path (a month of
 * 250 households is a few hundred commands, well inside the 5 s a data key stays cached).
 * `--part K/N` (bulk) writes the K-th of N slices of the households, so N processes can share a load
 * (each decides and seals on a core of its own): part 1 writes the city's own streams and its first
 * households into an empty log and loads the registers; start the others once it says its first shard is in.
 * `--range FROM-TO` (bulk) writes households [FROM, TO) of the plan instead: to take over the rest of a
 * part, or to finish one that stopped (batches already in the log are recognised and skipped).
 */
import { readOptions } from '../support/options';

export interface GenerateArgs {
  households: number;
  years: number;
  seed: number;
  mode: 'commands' | 'bulk';
  /** The command path's order: the whole campaign in time order, or shard by shard. */
  order: 'time' | 'shards';
  events?: number;
  concurrency: number;
  shard: number;
  /** Bulk only: which slice of the households this process writes (1-based), of how many. */
  part?: { index: number; of: number };
  /** Bulk only: the households this process writes, `to` exclusive (instead of a part). */
  range?: { from: number; to: number };
  databaseUrl?: string;
}

export const USAGE =
  'usage: [--households N] [--years N] [--seed N] [--mode commands|bulk] [--events N] [--order time|shards] [--concurrency N] [--shard N] [--part K/N | --range FROM-TO] [--database-url URL]';

const CHOICES = { mode: ['commands', 'bulk'], order: ['time', 'shards'] } as const;

const INTEGER_FLAGS = {
  households: [1, 10_000_000],
  years: [1, 20],
  seed: [0, 2 ** 32 - 1],
  events: [1, 2_000_000_000],
  concurrency: [1, 1024],
  shard: [1, 1_000_000],
} as const;

export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const args: GenerateArgs = { households: 70_200, years: 4, seed: 1, mode: 'commands', order: 'shards', concurrency: 1024, shard: 0 };
  const names = [...Object.keys(INTEGER_FLAGS), ...Object.keys(CHOICES), 'database-url', 'part', 'range'];
  const values = readOptions(argv, Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])), USAGE);
  const modeGiven = values.mode !== undefined;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    if (name === 'mode' || name === 'order') {
      const choices: readonly string[] = CHOICES[name];
      if (!choices.includes(value)) throw new Error(`--${name} must be ${choices.join(' or ')} (${USAGE})`);
      (args as unknown as Record<string, string>)[name] = value;
    } else if (name === 'part') {
      const match = /^(\d{1,3})\/(\d{1,3})$/.exec(value);
      const [index, of] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
      if (index < 1 || index > of) throw new Error(`--part must be K/N with 1 <= K <= N, such as 1/2 (${USAGE})`);
      args.part = { index, of };
    } else if (name === 'range') {
      const match = /^(\d{1,7})-(\d{1,7})$/.exec(value);
      const [from, to] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
      if (!match || from >= to) throw new Error(`--range must be FROM-TO with FROM < TO, such as 6000-22000 (${USAGE})`);
      args.range = { from, to };
    } else if (name === 'database-url') {
      if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('--database-url must start with postgres:// or postgresql://');
      args.databaseUrl = value;
    } else if (name in INTEGER_FLAGS) {
      const [min, max] = INTEGER_FLAGS[name as keyof typeof INTEGER_FLAGS];
      const number = Number(value);
      if (!Number.isSafeInteger(number) || number < min || number > max)
        throw new Error(`--${name} must be an integer from ${min} to ${max}`);
      (args as unknown as Record<string, number>)[name] = number;
    }
  }
  if (!modeGiven && args.events !== undefined) args.mode = 'bulk';
  if ((args.part || args.range) && args.mode !== 'bulk') throw new Error('--part and --range work with --mode bulk only');
  if (args.part && args.range) throw new Error('give --part or --range, not both');
  args.shard ||= args.mode === 'bulk' ? 1_000 : 250;
  return args;
}
