/** Folds support events into the state the rules need. Total: an event that cannot apply changes nothing. */
import { SupportEvent } from './events';
import { SupportState } from './state';

export function evolveSupport(state: SupportState, event: SupportEvent): SupportState {
  switch (event.type) {
    case 'SupportGranted': {
      const { supportId, householdId, programmeCode, householdCategory, amountFen, units } = event.data;
      const nothing = { deliveredFen: 0, deliveredUnits: 0, returnedFen: 0, returnedUnits: 0 };
      return {
        status: 'Granted',
        supportId,
        householdId,
        programmeCode,
        householdCategory,
        grantedFen: amountFen,
        grantedUnits: units,
        ...nothing,
      };
    }
    case 'SupportDelivered':
      if (state.status !== 'Granted') return state;
      return { ...state, deliveredFen: state.deliveredFen + event.data.amountFen, deliveredUnits: state.deliveredUnits + event.data.units };
    case 'SupportReturned':
      if (state.status !== 'Granted') return state;
      return { ...state, returnedFen: state.returnedFen + event.data.amountFen, returnedUnits: state.returnedUnits + event.data.units };
    case 'SupportReversed':
      return state.status === 'Granted' ? { ...state, status: 'Reversed', reversalReason: event.data.reason } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
