import { Decider } from '../shared';
import { HouseholdCommand } from './commands';
import { decideHousehold } from './decide';
import { HouseholdEvent } from './events';
import { evolveHousehold } from './evolve';
import { HouseholdState, initialHouseholdState } from './state';

export * from './commands';
export * from './events';
export * from './state';

export const householdStream = (householdId: string) => `household-${householdId}`;

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  decide: decideHousehold,
  evolve: evolveHousehold,
  initialState: initialHouseholdState,
};
