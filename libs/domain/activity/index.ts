import { Decider } from '../shared';
import { ActivityCommand } from './commands';
import { decideActivity } from './decide';
import { ActivityEvent } from './events';
import { evolveActivity } from './evolve';
import { ActivityState, initialActivityState } from './state';

export * from './commands';
export * from './events';
export * from './state';

export const activityStream = (activityId: string) => `activity-${activityId}`;

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  decide: decideActivity,
  evolve: evolveActivity,
  initialState: initialActivityState,
  startedBy: ['HoldActivity'],
};
export { validateActivityReferences } from './decide';
