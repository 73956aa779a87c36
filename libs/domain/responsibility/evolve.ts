import { ResponsibilityEvent } from './events';
import { ResponsibilityState } from './state';

export function evolveResponsibility(state: ResponsibilityState, event: ResponsibilityEvent): ResponsibilityState {
  switch (event.type) {
    case 'ResponsibilityAssigned':
      return { status: 'Assigned', ...event.data };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
