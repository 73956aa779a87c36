/**
 * What the supervision streams say about a supervisor at an instant: the authority a case command carries,
 * and whether they may be assigned a district. The rules are the domain's (libs/domain/supervision); this
 * loads the districts' states they are decided over: a supervisor's own district is never taken from the request.
 */
import { loadStream } from '@libs/command-handling/handle-command';
import { CaseAuthority, supervisorAuthority } from '@libs/domain/accountability-case';
import * as supervision from '@libs/domain/supervision';
import { OtherDistricts, SupervisionState, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { EventStore } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';
import { ActingRole } from './acting-role';

export const CITY_DISTRICTS: readonly string[] = referenceData
  .descendants('640100')
  .filter((u) => u.level === 'district')
  .map((u) => u.code);

/**
 * A supervisor holding the case district's term at `at` gets it; one holding another district's term gets
 * that term, so the decider refuses them as `supervisor-outside-district`; anyone else gets none.
 */
export async function caseAuthority(
  store: EventStore,
  acting: ActingRole,
  actor: string,
  districtCode: string | undefined,
  at: string,
): Promise<CaseAuthority> {
  if (acting.role !== 'supervisor') return acting;
  if (districtCode === undefined) return { role: 'supervisor', assignment: null };
  const own = supervisorAuthority(await supervisionOf(store, districtCode), actor, at);
  if (own.role === 'supervisor' && own.assignment !== null) return own;
  return { role: 'supervisor', assignment: supervision.termElsewhere(await otherDistricts(store, districtCode), actor, at) ?? null };
}

/**
 * The domain's one-district rule over the other districts' streams, checked before the append: the caller
 * holds the supervisor's lock (supervisor-lock.ts) over check and append, or two assignments could both pass.
 */
export async function requireNoOtherDistrict(store: EventStore, districtCode: string, supervisorId: string, at: string): Promise<void> {
  supervision.requireNoOtherDistrict(await otherDistricts(store, districtCode), supervisorId, at);
}

async function otherDistricts(store: EventStore, districtCode: string): Promise<OtherDistricts> {
  const codes = CITY_DISTRICTS.filter((code) => code !== districtCode);
  return Promise.all(codes.map(async (code) => [code, await supervisionOf(store, code)] as const));
}

async function supervisionOf(store: EventStore, districtCode: string): Promise<SupervisionState> {
  return (await loadStream(store, supervisionStream(districtCode), supervisionDecider)).state;
}
