/** Supervision decisions: one function per command; the acting supervisor is the command's actor. */
import { rule } from '../shared';
import { AssignSupervisor, EndSupervisorAssignment, IssueBulletin, RecordSupervisionVisit, SupervisionCommand } from './commands';
import { SupervisionEvent } from './events';
import { requirePublishableBulletin } from './bulletin-rules';
import { compareInstants, isMonth, monthOfInstant } from './periods';
import { assignmentAt, SupervisionState } from './state';

export function decideSupervision(command: SupervisionCommand, state: SupervisionState): SupervisionEvent[] {
  switch (command.type) {
    case 'AssignSupervisor':
      return assign(command, state);
    case 'EndSupervisorAssignment':
      return end(command, state);
    case 'RecordSupervisionVisit':
      return recordVisit(command, state);
    case 'IssueBulletin':
      return issueBulletin(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

const blank = (text: string) => text.trim().length === 0;

function assign(command: AssignSupervisor, state: SupervisionState): SupervisionEvent[] {
  const { districtCode, supervisorId, reason } = command.data;
  const at = command.metadata.occurredAt;
  rule(!blank(reason), 'reason-required', 'an assignment must say why', 'invalid');
  const assigned: SupervisionEvent = { type: 'SupervisorAssigned', data: { districtCode, supervisorId, assignedAt: at, reason } };
  if (state.status === 'Unassigned') return [assigned];
  if (state.status === 'Vacant') {
    // Terms of one district never overlap: a term dated inside the last one would leave two in force.
    const lastEnd = state.terms[state.terms.length - 1]?.until ?? null;
    rule(
      lastEnd === null || compareInstants(lastEnd, at) <= 0,
      'assignment-out-of-order',
      'an assignment cannot take effect before the last term ended',
      'invalid',
    );
    return [assigned];
  }
  rule(state.supervisorId !== supervisorId, 'supervisor-already-assigned', `supervisor is already assigned to district ${districtCode}`);
  rule(
    compareInstants(state.since, at) <= 0,
    'assignment-out-of-order',
    'a reassignment cannot take effect before the current term began',
    'invalid',
  );
  const ended: SupervisionEvent = {
    type: 'SupervisorAssignmentEnded',
    data: { districtCode, supervisorId: state.supervisorId, endedAt: at, reason },
  };
  return [ended, assigned];
}

function end(command: EndSupervisorAssignment, state: SupervisionState): SupervisionEvent[] {
  const { districtCode, reason } = command.data;
  const at = command.metadata.occurredAt;
  rule(!blank(reason), 'reason-required', 'ending an assignment must say why', 'invalid');
  rule(state.status === 'Assigned', 'district-has-no-supervisor', `district ${districtCode} has no supervisor assigned`);
  rule(compareInstants(state.since, at) <= 0, 'assignment-out-of-order', 'a term cannot end before it began', 'invalid');
  return [{ type: 'SupervisorAssignmentEnded', data: { districtCode, supervisorId: state.supervisorId, endedAt: at, reason } }];
}

/** The actor must hold the district's term in force when the act happened (which may be a past term). */
function requireSupervisorAt(state: SupervisionState, districtCode: string, actor: string, at: string): void {
  const term = assignmentAt(state, at);
  rule(
    term !== undefined && term.supervisorId === actor,
    'supervisor-not-assigned-to-district',
    `the actor was not the supervisor of district ${districtCode} at ${at}`,
  );
}

function recordVisit(command: RecordSupervisionVisit, state: SupervisionState): SupervisionEvent[] {
  const { districtCode, month, unitsVisited, findings } = command.data;
  const { actor, occurredAt } = command.metadata;
  rule(isMonth(month), 'visit-month-invalid', `visit month ${month} is not YYYYMM`, 'invalid');
  rule(month <= monthOfInstant(occurredAt), 'visit-month-in-future', `a visit on ${occurredAt} cannot count for ${month}`, 'invalid');
  rule(!blank(findings), 'findings-required', 'a supervision visit must record its findings', 'invalid');
  requireSupervisorAt(state, districtCode, actor, occurredAt);
  return [
    {
      type: 'SupervisionVisitRecorded',
      data: { districtCode, supervisorId: actor, month, visitedAt: occurredAt, unitsVisited: [...unitsVisited], findings },
    },
  ];
}

function issueBulletin(command: IssueBulletin, state: SupervisionState): SupervisionEvent[] {
  const { districtCode, bulletinId, period, kind, units, summary, document } = command.data;
  const { actor, occurredAt } = command.metadata;
  requirePublishableBulletin(command.data, occurredAt);
  requireSupervisorAt(state, districtCode, actor, occurredAt);
  rule(
    state.status === 'Unassigned' || !state.bulletinIds.includes(bulletinId),
    'bulletin-already-issued',
    `bulletin ${bulletinId} was already issued`,
  );
  // One bulletin per district and bimonth: a second would publish two sets of figures for the same months.
  rule(
    state.status === 'Unassigned' || !state.bulletinPeriods.includes(period),
    'bulletin-already-issued',
    `district ${districtCode} already has a bulletin for ${period}`,
  );
  const data = { districtCode, bulletinId, supervisorId: actor, period, kind, units: [...units], summary, issuedAt: occurredAt };
  return [{ type: 'BulletinIssued', data: { ...data, document: document ?? null } }];
}
