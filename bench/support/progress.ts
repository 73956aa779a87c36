import { progressBar as bar } from '../../libs/progress';

/** The shared progress bar (libs/progress); silent when BENCH_QUIET is set (the smoke run in npm test). */
export function progressBar(label: string, total: number, unit = 'ops'): { increment(n?: number): void; stop(): void } {
  return bar({ label: label.padEnd(34), total, unit, quiet: Boolean(process.env.BENCH_QUIET) });
}
