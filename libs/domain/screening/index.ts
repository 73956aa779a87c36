import { Decider } from '../shared';
import { ScreeningCommand } from './commands';
import { decideScreening } from './decide';
import { ScreeningEvent } from './events';
import { evolveScreening } from './evolve';
import { initialScreeningState, ScreeningState } from './state';

export * from './commands';
export * from './events';
export * from './state';
export { validateScreeningReferences } from './decide';

/** One stream per couple or pregnant woman; the stream is also the subject of the record's data key. */
export const screeningStream = (screeningId: string) => `screening-${screeningId}`;

export const screeningDecider: Decider<ScreeningCommand, ScreeningEvent, ScreeningState> = {
  decide: decideScreening,
  evolve: evolveScreening,
  initialState: initialScreeningState,
  startedBy: ['RegisterScreeningSubject'],
};
