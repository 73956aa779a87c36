/**
 * A progress bar over the global log. Its scale is the log position (from where the run starts to the
 * head when it started), which needs no counting pass and is roughly proportional to work on both
 * backends; the event count and rate are shown beside it.
 */
import { Presets, SingleBar } from 'cli-progress';
import { Position } from '../../libs/event-store/position';

export interface LogProgress {
  update(events: number, position: Position): void;
  stop(): void;
}

export function logProgress(label: string, origin: Position | undefined, head: Position | undefined): LogProgress {
  const base = origin?.commit ?? 0n;
  const total = head && head.commit > base ? Number(head.commit - base) : 1;
  const bar = new SingleBar({
    format: `${label} {bar} {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}`,
    etaBuffer: 100,
    fps: 5,
    hideCursor: true,
  }, Presets.shades_classic);
  const started = Date.now();
  bar.start(total, 0, { events: 0, rate: 0 });
  return {
    update(events, position) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(Math.min(Number(position.commit - base), total), { events, rate: Math.round(events / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
