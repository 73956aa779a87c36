import { rule } from '../shared';
import { EnrollHousehold, HouseholdCommand } from './commands';
import { HouseholdEvent } from './events';
import { HouseholdState } from './state';

export function decideHousehold(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'EnrollHousehold':
      return enroll(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

function enroll(command: EnrollHousehold, state: HouseholdState): HouseholdEvent[] {
  rule(state.status === 'NotEnrolled', 'household-already-enrolled', `household ${command.data.householdId} is already enrolled`);
  return [{ type: 'HouseholdEnrolled', data: { ...command.data } }];
}
