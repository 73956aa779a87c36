import { HouseholdEvent } from './events';
import { HouseholdState } from './state';

export function evolveHousehold(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  switch (event.type) {
    case 'HouseholdEnrolled': {
      const { householdId, villageCode, category, members } = event.data;
      return { status: 'Enrolled', householdId, villageCode, category, members };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
