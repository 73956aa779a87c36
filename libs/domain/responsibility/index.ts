import { Decider } from '../shared';
import { ResponsibilityCommand } from './commands';
import { decideResponsibility } from './decide';
import { ResponsibilityEvent } from './events';
import { evolveResponsibility } from './evolve';
import { initialResponsibilityState, ResponsibilityState } from './state';

export * from './commands';
export * from './events';
export * from './state';

export const responsibilityStream = (responsibilityId: string) => `responsibility-${responsibilityId}`;

export const responsibilityDecider: Decider<ResponsibilityCommand, ResponsibilityEvent, ResponsibilityState> = {
  decide: decideResponsibility,
  evolve: evolveResponsibility,
  initialState: initialResponsibilityState,
  startedBy: ['AssignResponsibility'],
};
