import { ActivityEvent } from './events';
import { ActivityState } from './state';

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'GroupActivityHeld': {
      const { reason: _reason, ...facts } = event.data;
      return { status: 'Held', ...facts };
    }
    case 'GroupActivityCorrected':
      return { status: 'Held', activityId: event.data.activityId, ...event.data.after };
    case 'GroupActivityCancelled':
      return { status: 'Cancelled', activityId: event.data.activityId, ...event.data.before };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
