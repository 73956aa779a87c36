/**
 * A progress bar over the global log. Its scale is the log position (from where the run starts to the
 * head when it started), which needs no counting pass and is roughly proportional to work on both
 * backends; the event count and rate are shown beside it.
 */
import { progressBar } from '../../libs/progress';
import { Position } from '../../libs/event-store/position';

export interface LogProgress {
  update(events: number, position: Position): void;
  stop(): void;
}

export function logProgress(label: string, origin: Position | undefined, head: Position | undefined): LogProgress {
  const base = origin?.commit ?? 0n;
  const total = head && head.commit > base ? Number(head.commit - base) : 1;
  const bar = progressBar({ label, total });
  return {
    update(events, position) {
      bar.update(Number(position.commit - base), events);
    },
    stop() {
      bar.stop();
    },
  };
}
