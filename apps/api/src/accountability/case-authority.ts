/**
 * What the supervision streams say about a supervisor at an instant: the authority a case command carries,
 * and whether they may be assigned a district. The rules are the domain's (libs/domain/supervision); this
 * loads the districts' states they are decided over: a supervisor's own district is never taken from the request.
 * Case authority is answered from the supervision-terms read model when it has caught up with the streams
 * the answer rests on, and from the streams themselves otherwise: a supervisor assigned (or removed) a
 * moment ago is judged by that assignment at once, whatever the projector's lag.
 */
import { DataSource } from 'typeorm';
import { loadStream } from '@libs/command-handling/handle-command';
import { CaseAuthority, supervisorAuthority } from '@libs/domain/accountability-case';
import * as supervision from '@libs/domain/supervision';
import { OtherDistricts, SupervisionState, SupervisorAssignment, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { comparePositions, EventStore, Position, StreamNotFoundError } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';
import { termsHeldAt } from '@projections/supervision-terms/supervision-terms.query';
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
  dataSource: DataSource,
  acting: ActingRole,
  actor: string,
  districtCode: string | undefined,
  at: string,
): Promise<CaseAuthority> {
  if (acting.role !== 'supervisor') return acting;
  if (districtCode === undefined) return { role: 'supervisor', assignment: null };
  return (
    (await authorityFromReadModel(store, dataSource, actor, districtCode, at)) ??
    (await authorityFromStreams(store, actor, districtCode, at))
  );
}

/**
 * The supervisor's authority from the read model, or undefined when it cannot tell: no copy yet, or a
 * stream the answer rests on has an event past its checkpoint. Authorising rests on the case district's
 * stream alone; a refusal also on every other district's (which says whether they hold a term elsewhere).
 * A stream's last event may be read before the checkpoint: whatever was appended before this command
 * began is there either way, and what comes later is concurrent with the command.
 */
export async function authorityFromReadModel(
  store: EventStore,
  dataSource: DataSource,
  actor: string,
  districtCode: string,
  at: string,
): Promise<CaseAuthority | undefined> {
  const [held, caseDistrictLast] = await Promise.all([
    termsHeldAt(dataSource, actor, at),
    lastEventOf(store, supervisionStream(districtCode)),
  ]);
  if (held === undefined) return undefined;
  const own = held.terms.find((term) => term.districtCode === districtCode);
  const others = own ? [] : CITY_DISTRICTS.filter((code) => code !== districtCode);
  const lasts = [caseDistrictLast, ...(await Promise.all(others.map((code) => lastEventOf(store, supervisionStream(code)))))];
  if (!lasts.every((last) => reflected(last, held.position))) return undefined;
  return { role: 'supervisor', assignment: own ?? elsewhere(held.terms, districtCode) ?? null };
}

/** The same answer folded from the streams: the case district's, and the others' only when refusing. */
export async function authorityFromStreams(store: EventStore, actor: string, districtCode: string, at: string): Promise<CaseAuthority> {
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

/** In the order `termElsewhere` looks, as the streams would answer. */
function elsewhere(terms: readonly SupervisorAssignment[], districtCode: string): SupervisorAssignment | undefined {
  const order = (term: SupervisorAssignment) => CITY_DISTRICTS.indexOf(term.districtCode);
  return terms.filter((term) => term.districtCode !== districtCode && order(term) >= 0).sort((a, b) => order(a) - order(b))[0];
}

/** Whether a stream's last event (undefined: no stream) is at or before the checkpoint's position. */
function reflected(last: Position | undefined, position: Position | undefined): boolean {
  return last === undefined || (position !== undefined && comparePositions(last, position) <= 0);
}

async function lastEventOf(store: EventStore, stream: string): Promise<Position | undefined> {
  try {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.position;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}

async function otherDistricts(store: EventStore, districtCode: string): Promise<OtherDistricts> {
  const codes = CITY_DISTRICTS.filter((code) => code !== districtCode);
  return Promise.all(codes.map(async (code) => [code, await supervisionOf(store, code)] as const));
}

async function supervisionOf(store: EventStore, districtCode: string): Promise<SupervisionState> {
  return (await loadStream(store, supervisionStream(districtCode), supervisionDecider)).state;
}
