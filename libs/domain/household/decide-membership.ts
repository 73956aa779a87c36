/** Joining, changing category in, and leaving the campaign. */
import { rule } from '../shared';
import { EnrollHousehold, RecategorizeHousehold, WithdrawHousehold } from './commands';
import { HouseholdEvent } from './events';
import { requireEnrolled } from './guards';
import { HouseholdState } from './state';

export function enroll(command: EnrollHousehold, state: HouseholdState): HouseholdEvent[] {
  const { householdId } = command.data;
  rule(state.status !== 'Withdrawn', 'household-withdrawn', `household ${householdId} has withdrawn and accepts no further commands`);
  rule(state.status === 'NotEnrolled', 'household-already-enrolled', `household ${householdId} is already enrolled`);
  return [{ type: 'HouseholdEnrolled', data: { ...command.data, head: { ...command.data.head } } }];
}

export function recategorize(command: RecategorizeHousehold, state: HouseholdState): HouseholdEvent[] {
  const { householdId, to, reason } = command.data;
  const household = requireEnrolled(state, householdId);
  rule(household.category !== to, 'category-unchanged', `household ${householdId} is already in category ${to}`);
  return [{ type: 'HouseholdRecategorized', data: { householdId, from: household.category, to, reason } }];
}

export function withdraw(command: WithdrawHousehold, state: HouseholdState): HouseholdEvent[] {
  const { householdId, reason } = command.data;
  requireEnrolled(state, householdId);
  return [{ type: 'HouseholdWithdrawn', data: { householdId, reason } }];
}
