import { Decider } from '../shared';
import { SupervisionCommand } from './commands';
import { decideSupervision } from './decide';
import { SupervisionEvent } from './events';
import { evolveSupervision } from './evolve';
import { initialSupervisionState, SupervisionState } from './state';

export * from './commands';
export * from './events';
export * from './periods';
export * from './state';
export * from './one-district';
export * from './city-bulletin';

export const supervisionStream = (districtCode: string) => `supervision-${districtCode}`;

export const supervisionDecider: Decider<SupervisionCommand, SupervisionEvent, SupervisionState> = {
  decide: decideSupervision,
  evolve: evolveSupervision,
  initialState: initialSupervisionState,
};
