/** Shared fixtures of the case decider's specs (pure data, no test framework). */
import { CaseAuthority, CaseCommand, CaseEvent } from './index';

export const DISTRICT = '640104';
export const OTHER_DISTRICT = '640105';
export const UNIT = 'unit-xingqing-civil-affairs';
export const WANG = 'sup-wang';

export const cityOffice: CaseAuthority = { role: 'city-office' };
export const subjectUnit: CaseAuthority = { role: 'subject-unit', unitCode: UNIT };
export const supervisorOf = (districtCode: string, from = '2012-01-01T00:00:00Z', until: string | null = null): CaseAuthority => ({
  role: 'supervisor',
  assignment: { districtCode, supervisorId: WANG, from, until },
});

interface Options {
  authority?: CaseAuthority;
  actor?: string;
  /** The administrator who sent the command while naming `actor` (X-Actor). */
  authenticatedAs?: string;
  at?: string;
}

/** A command of the given type, acted by the district's supervisor on 2012-03-10 unless told otherwise. */
export function command<T extends CaseCommand>(
  type: T['type'],
  data: Omit<T['data'], 'reason'> & { reason?: string },
  options: Options = {},
): T {
  const authority = options.authority ?? supervisorOf(DISTRICT);
  const actor = options.actor ?? (authority.role === 'supervisor' ? WANG : authority.role === 'subject-unit' ? UNIT : 'city-office-zhao');
  const metadata = {
    commandId: 'c-1',
    actor,
    ...(options.authenticatedAs !== undefined && { authenticatedAs: options.authenticatedAs }),
    correlationId: 'k-1',
    occurredAt: options.at ?? '2012-03-10T08:00:00.000Z',
  };
  return { type, data: { reason: 'as the supervision visit found', ...data }, metadata, authority } as T;
}

export const opened: CaseEvent = {
  type: 'CaseOpened',
  data: {
    caseId: 'case-1',
    subjectUnit: UNIT,
    districtCode: DISTRICT,
    grounds: ['perfunctory', 'formal-compliance-only'],
    evidence: [{ reference: 'visit-201202-07', description: 'ledgers filled in one hand on one day' }],
    openedBy: { actor: WANG, role: 'supervisor' },
    reason: 'February visit',
  },
};

export const ordered = (round = 1, deadline = '2012-04-01T00:00:00.000Z'): CaseEvent => ({
  type: 'RectificationOrdered',
  data: { round, requirements: ['re-survey the 40 households'], deadline, reason: 'as the supervision visit found' },
});
/**
 * Reported by the unit's clerk; `reportedBy: null` is a v1 event (stored before reporters were recorded) once
 * upcast. `reportedAs`: the name an administrator reported under, when not their own.
 */
export const reported = (round = 1, late = false, reportedBy: string | null = UNIT, reportedAs = reportedBy): CaseEvent => ({
  type: 'RectificationReported',
  data: { round, report: 're-surveyed 40 of 40', evidence: [], late, reason: 'done', reportedBy, reportedAs },
});
export const accepted = (round = 1): CaseEvent => ({ type: 'RectificationAccepted', data: { round, reason: 'checked on site' } });
export const rejected = (round = 1): CaseEvent => ({ type: 'RectificationRejected', data: { round, reason: 'only 12 re-surveyed' } });
export const closed: CaseEvent = { type: 'CaseClosed', data: { resolution: 'unfounded', reason: 'misread ledger', waiver: null } };
export const heldToAccount: CaseEvent = {
  type: 'LeaderHeldAccountable',
  data: { officialId: 'official-9', position: 'director', measure: 'admonition-talk', reason: 'second delay' },
};
