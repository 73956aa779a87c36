/**
 * Command line of `npm run generate`:
 *   [--households 70200] [--years 4] [--seed 1] [--mode commands|bulk] [--events N]
 *   [--concurrency 16] [--shard 5000] [--database-url URL]
 * `--events N` scales the households so the log comes to about N events (the loan book scales with them),
 * and, unless `--mode` says otherwise, loads them in bulk: a log that size is too big for the command path.
 */
export interface GenerateArgs {
  households: number;
  years: number;
  seed: number;
  mode: 'commands' | 'bulk';
  events?: number;
  concurrency: number;
  shard: number;
  databaseUrl?: string;
}

export const USAGE = 'usage: [--households N] [--years N] [--seed N] [--mode commands|bulk] [--events N] [--concurrency N] [--shard N] [--database-url URL]';

const INTEGER_FLAGS = { households: [1, 10_000_000], years: [1, 20], seed: [0, 2 ** 32 - 1], events: [1, 2_000_000_000], concurrency: [1, 256], shard: [1, 1_000_000] } as const;

export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const args: GenerateArgs = { households: 70_200, years: 4, seed: 1, mode: 'commands', concurrency: 16, shard: 5_000 };
  let modeGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${JSON.stringify(argv[i])} (${USAGE})`);
    const [, name, inline] = match;
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value (${USAGE})`);
    if (name === 'mode') {
      if (value !== 'commands' && value !== 'bulk') throw new Error(`--mode must be commands or bulk (${USAGE})`);
      args.mode = value;
      modeGiven = true;
    } else if (name === 'database-url') {
      if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('--database-url must start with postgres:// or postgresql://');
      args.databaseUrl = value;
    } else if (name in INTEGER_FLAGS) {
      const [min, max] = INTEGER_FLAGS[name as keyof typeof INTEGER_FLAGS];
      const number = Number(value);
      if (!Number.isSafeInteger(number) || number < min || number > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
      (args as unknown as Record<string, number>)[name] = number;
    } else {
      throw new Error(`unknown argument --${name} (${USAGE})`);
    }
  }
  if (!modeGiven && args.events !== undefined) args.mode = 'bulk';
  return args;
}
