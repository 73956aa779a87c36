import { PilotVillageEvent } from './events';
import { PilotVillageState } from './state';

export function evolvePilotVillage(state: PilotVillageState, event: PilotVillageEvent): PilotVillageState {
  switch (event.type) {
    case 'PilotVillageDesignated':
      return { status: 'Pilot', designations: state.designations + 1, designatedBy: event.data.designatedBy };
    case 'PilotVillageDesignationWithdrawn':
      return { status: 'NotPilot', designations: state.designations };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
