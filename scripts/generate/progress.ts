import { progressBar } from '../../libs/progress';
import { LoadProgress } from './by-commands';

/** Events written against the estimate, with the command count, rate and ETA (libs/progress). */
export function generateProgress(label: string, estimatedEvents: number): { update(p: LoadProgress): void; stop(p: LoadProgress): void } {
  const bar = progressBar({ label, total: estimatedEvents, details: ' | {commands} commands' });
  let total = Math.max(1, Math.round(estimatedEvents));
  const update = (p: LoadProgress) => {
    if (p.events > total) bar.setTotal((total = p.events));
    bar.update(p.events, p.events, { commands: p.commands });
  };
  return {
    update,
    stop: (p) => {
      bar.setTotal((total = Math.max(1, p.events)));
      update(p);
      bar.stop();
    },
  };
}
