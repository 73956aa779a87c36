/**
 * A district's supervision: who supervises it now, and who did when. The past terms are kept because a
 * visit recorded late is judged against the term in force when it happened, not against today's supervisor.
 */
import { compareInstants } from './periods';

/** A term of office; `until` is exclusive, null while it lasts. */
export interface SupervisorAssignment {
  districtCode: string;
  supervisorId: string;
  from: string;
  until: string | null;
}

interface DistrictRecord {
  districtCode: string;
  /** Every term, oldest first; in `Assigned` the last one is open. */
  terms: SupervisorAssignment[];
  bulletinIds: string[];
  /** Bimonths (`YYYYMMB`) a bulletin was issued for: one bulletin per district and bimonth. */
  bulletinPeriods: string[];
  visitMonths: string[];
}

export type SupervisionState =
  | { status: 'Unassigned' }
  | ({ status: 'Assigned'; supervisorId: string; since: string } & DistrictRecord)
  | ({ status: 'Vacant' } & DistrictRecord);

export const initialSupervisionState: SupervisionState = { status: 'Unassigned' };

/** The term in force at an instant, if any. The case handler passes this to the case decider. */
export function assignmentAt(state: SupervisionState, at: string): SupervisorAssignment | undefined {
  if (state.status === 'Unassigned') return undefined;
  return state.terms.find((term) => covers(term, at));
}

/** Whether a term was in force at an instant: from <= at < until. */
export function covers(term: SupervisorAssignment, at: string): boolean {
  return compareInstants(term.from, at) <= 0 && (term.until === null || compareInstants(at, term.until) < 0);
}
