/**
 * The benchmarks' command lines, read by node:util's parseArgs: the named `--option value`s (each a
 * positive integer or text) and the positional names. Options other benchmarks in the same run take are
 * let through (strict: false), as `npm run bench -- ...` hands one command line to all of them.
 */
import { parseArgs } from 'node:util';

export interface BenchArgs {
  text(name: string): string | undefined;
  integer(name: string, fallback: number): number;
  positionals: string[];
}

export function benchArgs(names: readonly string[], argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true });
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const integer = (name: string, fallback: number) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  return { text, integer, positionals };
}

/** Every option a benchmark section reads: `npm run bench -- projections --events 1000` runs that section with it. */
export const BENCH_OPTIONS = [
  'events',
  'repeats',
  'rounds',
  'before',
  'lag-rate',
  'lag-seconds',
  'lag-events',
  'lag-interval-ms',
  'consumers',
] as const;
