/**
 * Accountability case decisions. Common to all: a reason, an actor with authority over the case's
 * district, and a case that is open (only ReopenCase acts on a closed one).
 */
import { personOf, rule } from '../shared';
import { compareInstants } from '../supervision/periods';
import { requireAuthority, requireJudgeIsNotReporter } from './authority';
import * as C from './commands';
import { CaseEvent } from './events';
import { CaseState, ClosedCaseState, isOutstanding, OpenCaseState } from './state';

export function decideCase(command: C.CaseCommand, state: CaseState): CaseEvent[] {
  rule(!blank(command.data.reason), 'reason-required', `${command.type} must say why`, 'invalid');
  switch (command.type) {
    case 'OpenCase':
      return open(command, state);
    case 'OrderRectification':
      return orderRectification(command, openCase(command, state));
    case 'ReportRectification':
      return reportRectification(command, openCase(command, state));
    case 'AcceptRectification':
      return judgeRectification(command, openCase(command, state), 'RectificationAccepted');
    case 'RejectRectification':
      return judgeRectification(command, openCase(command, state), 'RectificationRejected');
    case 'IssueCriticism':
      return issueCriticism(command, openCase(command, state));
    case 'HoldLeaderAccountable':
      return holdLeaderAccountable(command, openCase(command, state));
    case 'EscalateCase':
      return escalate(command, openCase(command, state));
    case 'CloseCase':
      return close(command, openCase(command, state));
    case 'ReopenCase':
      return reopen(command, closedCase(command, state));
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

const blank = (text: string | undefined) => text === undefined || text.trim().length === 0;

function openedCase(command: C.CaseCommand, state: CaseState): Exclude<CaseState, { status: 'NotOpened' }> {
  rule(state.status !== 'NotOpened', 'case-not-opened', 'no such case', 'not-found');
  requireAuthority(command, state);
  return state;
}

function openCase(command: C.CaseCommand, state: CaseState): OpenCaseState {
  const opened = openedCase(command, state);
  rule(opened.status === 'Open', 'case-closed', `case ${opened.caseId} is closed; only reopening is accepted`);
  return opened;
}

function closedCase(command: C.CaseCommand, state: CaseState): ClosedCaseState {
  const opened = openedCase(command, state);
  rule(opened.status === 'Closed', 'case-not-closed', `case ${opened.caseId} is open`);
  return opened;
}

function open(command: C.OpenCase, state: CaseState): CaseEvent[] {
  const { caseId, subjectUnit, districtCode, grounds, evidence, reason } = command.data;
  rule(state.status === 'NotOpened', 'case-already-opened', `case ${caseId} is already opened`);
  requireAuthority(command, { districtCode, subjectUnit });
  rule(grounds.length > 0, 'grounds-required', 'a case must state its grounds', 'invalid');
  rule(evidence.length > 0, 'evidence-required', 'a case must cite evidence', 'invalid');
  const openedBy = { actor: command.metadata.actor, role: command.authority.role };
  return [
    {
      type: 'CaseOpened',
      data: { caseId, subjectUnit, districtCode, grounds: [...new Set(grounds)], evidence: [...evidence], openedBy, reason },
    },
  ];
}

function orderRectification(command: C.OrderRectification, state: OpenCaseState): CaseEvent[] {
  const { requirements, deadline, reason } = command.data;
  const { rectification } = state;
  rule(
    rectification.stage !== 'ordered' && rectification.stage !== 'reported',
    'rectification-outstanding',
    'a rectification is already under way',
  );
  rule(
    requirements.length > 0 && !requirements.some(blank),
    'requirements-required',
    'a rectification order must list its requirements',
    'invalid',
  );
  rule(
    compareInstants(command.metadata.occurredAt, deadline) < 0,
    'deadline-not-after-order',
    'the deadline must fall after the order',
    'invalid',
  );
  const round = rectification.stage === 'none' ? 1 : rectification.round + 1;
  return [{ type: 'RectificationOrdered', data: { round, requirements: [...requirements], deadline, reason } }];
}

function reportRectification(command: C.ReportRectification, state: OpenCaseState): CaseEvent[] {
  const { report, evidence, reason } = command.data;
  const { rectification } = state;
  rule(
    rectification.stage === 'ordered' || rectification.stage === 'rejected',
    'no-rectification-ordered',
    'no rectification awaits a report',
  );
  rule(!blank(report), 'report-required', 'a rectification report must say what was done', 'invalid');
  const late = compareInstants(command.metadata.occurredAt, rectification.deadline) > 0;
  const [reportedBy, reportedAs] = [personOf(command.metadata), command.metadata.actor];
  const { round } = rectification;
  return [{ type: 'RectificationReported', data: { round, report, evidence: [...evidence], late, reason, reportedBy, reportedAs } }];
}

function judgeRectification(
  command: C.AcceptRectification | C.RejectRectification,
  state: OpenCaseState,
  verdict: 'RectificationAccepted' | 'RectificationRejected',
): CaseEvent[] {
  const { rectification } = state;
  rule(rectification.stage === 'reported', 'no-rectification-reported', 'no rectification report awaits a verdict');
  requireJudgeIsNotReporter(command, rectification);
  return [{ type: verdict, data: { round: rectification.round, reason: command.data.reason } }];
}

function issueCriticism(command: C.IssueCriticism, state: OpenCaseState): CaseEvent[] {
  const { bulletinId, reason } = command.data;
  rule(!blank(bulletinId), 'bulletin-required', 'a criticism must cite the bulletin it appeared in', 'invalid');
  rule(
    command.bulletinIssued !== false,
    'bulletin-not-found',
    `no bulletin ${bulletinId} was issued for district ${state.districtCode} or for the city`,
    'not-found',
  );
  rule(!state.criticisms.includes(bulletinId), 'criticism-already-issued', `the case was already criticised in bulletin ${bulletinId}`);
  return [{ type: 'CriticismIssued', data: { bulletinId, reason } }];
}

function holdLeaderAccountable(command: C.HoldLeaderAccountable, state: OpenCaseState): CaseEvent[] {
  const { officialId, position, measure, reason } = command.data;
  rule(!blank(officialId) && !blank(position), 'official-required', 'name the official by id and position', 'invalid');
  const same = state.accountability.some((a) => a.officialId === officialId && a.measure === measure);
  rule(!same, 'measure-already-imposed', `that measure was already imposed on that official in case ${state.caseId}`);
  return [{ type: 'LeaderHeldAccountable', data: { officialId, position, measure, reason } }];
}

const LEVEL_RANK = { 'city-leading-group': 1, 'discipline-inspection-commission': 2 } as const;

function escalate(command: C.EscalateCase, state: OpenCaseState): CaseEvent[] {
  const { to, reason } = command.data;
  const current = state.escalation === null ? 0 : LEVEL_RANK[state.escalation];
  rule(LEVEL_RANK[to] > current, 'escalation-not-higher', `case ${state.caseId} is already escalated to ${state.escalation}`);
  return [{ type: 'CaseEscalated', data: { to, reason } }];
}

function close(command: C.CloseCase, state: OpenCaseState): CaseEvent[] {
  const { resolution, waiverReason, reason } = command.data;
  const { rectification } = state;
  const outstanding = isOutstanding(rectification);
  rule(
    !outstanding || !blank(waiverReason),
    'rectification-outstanding',
    'a rectification is outstanding; closing requires a waiver reason',
  );
  rule(outstanding || blank(waiverReason), 'nothing-to-waive', 'no rectification is outstanding to waive', 'invalid');
  rule(
    resolution !== 'rectified' || rectification.stage === 'accepted',
    'resolution-rectified-without-acceptance',
    'a case closes as rectified only after a rectification was accepted',
  );
  // The resolution is the case's record of what was done: "held accountable" with no measure on the record says
  // something the case's own history does not.
  rule(
    resolution !== 'held-accountable' || state.accountability.length > 0,
    'resolution-held-accountable-without-measure',
    'a case closes as held accountable only after a leader was held accountable in it',
  );
  const waiver = isOutstanding(rectification) ? { round: rectification.round, reason: waiverReason! } : null;
  return [{ type: 'CaseClosed', data: { resolution, reason, waiver } }];
}

function reopen(command: C.ReopenCase, _state: ClosedCaseState): CaseEvent[] {
  return [{ type: 'CaseReopened', data: { reason: command.data.reason } }];
}
