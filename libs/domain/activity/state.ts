import { ActivityFacts } from './events';

export type ActivityState =
  | { status: 'NotHeld' }
  | ({ status: 'Held'; activityId: string } & ActivityFacts)
  | ({ status: 'Cancelled'; activityId: string } & ActivityFacts);

export const initialActivityState: ActivityState = { status: 'NotHeld' };
