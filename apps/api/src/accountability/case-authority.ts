/**
 * What the supervision streams say about a supervisor at an instant: the authority a case command carries,
 * and whether they may be assigned a district. Both read every district's stream: a supervisor's own
 * district is never taken from the request.
 */
import { loadStream } from '@libs/command-handling/handle-command';
import { CaseAuthority, supervisorAuthority } from '@libs/domain/accountability-case';
import { rule } from '@libs/domain/shared';
import { assignmentAt, compareInstants, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { EventStore } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';
import { ActingRole } from './acting-role';

export const CITY_DISTRICTS: readonly string[] = referenceData.descendants('640100').filter((u) => u.level === 'district').map((u) => u.code);

/**
 * A supervisor holding the case district's term at `at` gets it; one holding another district's term gets
 * that term, so the decider refuses them as `supervisor-outside-district`; anyone else gets none.
 */
export async function caseAuthority(store: EventStore, acting: ActingRole, actor: string, districtCode: string | undefined, at: string): Promise<CaseAuthority> {
  if (acting.role !== 'supervisor') return acting;
  if (districtCode === undefined) return { role: 'supervisor', assignment: null };
  const own = supervisorAuthority(await supervisionOf(store, districtCode), actor, at);
  if (own.role === 'supervisor' && own.assignment !== null) return own;
  for (const other of CITY_DISTRICTS.filter((code) => code !== districtCode)) {
    const term = assignmentAt(await supervisionOf(store, other), at);
    if (term?.supervisorId === actor) return { role: 'supervisor', assignment: term };
  }
  return { role: 'supervisor', assignment: null };
}

/**
 * Supervisors and districts are one-to-one: a supervisor holding (or due to hold) a term in another district
 * at `at` cannot be assigned. A rule across streams, checked before the append: the caller holds the
 * supervisor's lock (supervisor-lock.ts) over check and append, or two assignments could both pass.
 */
export async function requireNoOtherDistrict(store: EventStore, districtCode: string, supervisorId: string, at: string): Promise<void> {
  for (const other of CITY_DISTRICTS.filter((code) => code !== districtCode)) {
    const state = await supervisionOf(store, other);
    const terms = state.status === 'Unassigned' ? [] : state.terms;
    const clash = terms.some((t) => t.supervisorId === supervisorId && (t.until === null || compareInstants(at, t.until) < 0));
    rule(!clash, 'supervisor-assigned-elsewhere', `the supervisor holds a term in district ${other} at that time`);
  }
}

async function supervisionOf(store: EventStore, districtCode: string) {
  return (await loadStream(store, supervisionStream(districtCode), supervisionDecider)).state;
}
