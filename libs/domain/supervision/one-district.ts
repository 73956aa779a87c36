/**
 * Supervisors and districts are one-to-one: rules across the districts' supervision streams, pure over
 * their states (the caller loads them, and holds the supervisor's lock over check and append).
 */
import { rule } from '../shared';
import { compareInstants } from './periods';
import { assignmentAt, SupervisionState, SupervisorAssignment } from './state';

/** Each other district's code and supervision state. */
export type OtherDistricts = Iterable<readonly [string, SupervisionState]>;

/** A supervisor holding (or due to hold) a term in another district at `at` cannot be assigned. */
export function requireNoOtherDistrict(others: OtherDistricts, supervisorId: string, at: string): void {
  for (const [district, state] of others) {
    const terms = state.status === 'Unassigned' ? [] : state.terms;
    const clash = terms.some((t) => t.supervisorId === supervisorId && (t.until === null || compareInstants(at, t.until) < 0));
    rule(!clash, 'supervisor-assigned-elsewhere', `the supervisor holds a term in district ${district} at that time`);
  }
}

/** The term the supervisor holds in another district at `at`, if any. */
export function termElsewhere(others: OtherDistricts, supervisorId: string, at: string): SupervisorAssignment | undefined {
  for (const [, state] of others) {
    const term = assignmentAt(state, at);
    if (term?.supervisorId === supervisorId) return term;
  }
  return undefined;
}
