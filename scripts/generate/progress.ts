import { Presets, SingleBar } from 'cli-progress';
import { LoadProgress } from './by-commands';

/** Events written against the estimate, with the command count, rate and ETA, on stderr. */
export function generateProgress(label: string, estimatedEvents: number): { update(p: LoadProgress): void; stop(p: LoadProgress): void } {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} events | {commands} commands | {rate} events/s | ETA {eta_formatted}`,
    // Off a terminal (CI, a log file) a line every 10 s instead of a redrawn bar.
    etaBuffer: 200, fps: 4, hideCursor: true, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 10_000,
  }, Presets.shades_classic);
  const started = Date.now();
  bar.start(Math.max(1, Math.round(estimatedEvents)), 0, { commands: 0, rate: 0 });
  const payload = (p: LoadProgress) => ({ commands: p.commands, rate: Math.round(p.events / Math.max(0.001, (Date.now() - started) / 1000)) });
  return {
    update: (p) => {
      if (p.events > bar.getTotal()) bar.setTotal(p.events);
      bar.update(p.events, payload(p));
    },
    stop: (p) => {
      bar.setTotal(Math.max(1, p.events));
      bar.update(p.events, payload(p));
      bar.stop();
    },
  };
}
