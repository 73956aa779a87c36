import { Command } from '../shared';
import { ActivityFacts } from './events';

export type HoldActivity = Command<'HoldActivity', { activityId: string; reason: string } & ActivityFacts>;
export type CorrectActivity = Command<'CorrectActivity', { activityId: string; reason: string; changes: Partial<ActivityFacts> }>;
export type CancelActivity = Command<'CancelActivity', { activityId: string; reason: string }>;

export type ActivityCommand = HoldActivity | CorrectActivity | CancelActivity;
