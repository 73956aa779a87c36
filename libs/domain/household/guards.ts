import { DomainError, rule } from '../shared';
import { EnrolledHousehold, HouseholdState } from './state';

/**
 * The gate every command but enrolment passes: the household exists, is still in the campaign, and is the
 * one the command names (a mismatch means the handler loaded the wrong stream).
 */
export function requireEnrolled(state: HouseholdState, householdId: string): EnrolledHousehold {
  if (state.status === 'NotEnrolled') {
    throw new DomainError('household-not-enrolled', `household ${householdId} is not enrolled`, 'not-found');
  }
  rule(
    state.householdId === householdId,
    'household-mismatch',
    `command for household ${householdId} reached household ${state.householdId}`,
    'invalid',
  );
  rule(state.status === 'Enrolled', 'household-withdrawn', `household ${householdId} has withdrawn and accepts no further commands`);
  return state;
}
