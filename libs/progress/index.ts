/**
 * The one progress bar of the long-running commands (generate, store copy/verify, rebuild, benchmarks):
 * count, rate and ETA on stderr; off a terminal (CI, a log file) a line every 10 s instead of a redraw.
 * The bar's scale may differ from what is counted (a store copy moves along log positions, counts events).
 */
import { Presets, SingleBar } from 'cli-progress';

export interface ProgressOptions {
  label: string;
  total: number;
  /** What is counted: "events", "ops". */
  unit?: string;
  /** Further fields after the count, as a cli-progress template: ` | {commands} commands`. */
  details?: string;
  /** Draws nothing (the benchmarks' smoke run inside npm test). */
  quiet?: boolean;
}

export interface Progress {
  /** `done` on the bar's scale; `counted` (default: done) for the count and rate; `fields` for `details`. */
  update(done: number, counted?: number, fields?: Record<string, string | number>): void;
  increment(n?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export function progressBar({ label, total, unit = 'events', details = '', quiet = false }: ProgressOptions): Progress {
  if (quiet) return { update: () => undefined, increment: () => undefined, setTotal: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {counted} ${unit}${details} | {rate} ${unit}/s | ETA {eta_formatted}`,
      etaBuffer: 100,
      fps: 5,
      hideCursor: true,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  bar.start(Math.max(1, Math.round(total)), 0, { counted: 0, rate: 0 });
  const update = (value: number, counted = value, fields: Record<string, string | number> = {}) => {
    done = value;
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    bar.update(Math.min(value, bar.getTotal()), { ...fields, counted, rate: Math.round(counted / seconds) });
  };
  return {
    update,
    increment: (n = 1) => update(done + n),
    setTotal: (newTotal) => bar.setTotal(Math.max(1, Math.round(newTotal))),
    stop: () => bar.stop(),
  };
}
