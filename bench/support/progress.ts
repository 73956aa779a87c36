import { Presets, SingleBar } from 'cli-progress';

/** A progress bar with rate and ETA on stderr; silent when BENCH_QUIET is set (the smoke run in npm test). */
export function progressBar(label: string, total: number, unit = 'ops'): { increment(n?: number): void; stop(): void } {
  if (process.env.BENCH_QUIET) return { increment: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label.padEnd(34)} [{bar}] {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 50, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 10_000 },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { speed: '0' });
  let done = 0;
  return {
    increment(n = 1) {
      done += n;
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { speed: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
    },
    stop: () => bar.stop(),
  };
}
