/**
 * Who may act on a case. The city office may act anywhere; a supervisor only in the district of the term
 * in force when the act happened; the subject unit only reports its own rectification. A rectification is
 * reported by the unit alone: those who judge it (a supervisor, the city office) may not also say it was done,
 * and whoever said it was done may not judge it (an administrator may act in every capacity).
 */
import { personOf, rule } from '../shared';
import { assignmentAt, covers, SupervisionState } from '../supervision/state';
import { AcceptRectification, CaseAuthority, CaseCommand, RejectRectification } from './commands';
import { Rectification } from './state';

/**
 * A supervisor's authority as the handler reads it from the case district's supervision stream: the term
 * in force there at `at` if it is theirs, else none. (A supervisor of another district is then refused
 * as not in office; a handler that looks the actor's own term up elsewhere gets `supervisor-outside-district`.)
 */
export function supervisorAuthority(supervision: SupervisionState, supervisorId: string, at: string): CaseAuthority {
  const term = assignmentAt(supervision, at);
  return { role: 'supervisor', assignment: term !== undefined && term.supervisorId === supervisorId ? term : null };
}

export interface CaseScope {
  districtCode: string;
  subjectUnit: string;
}

export function requireAuthority(command: CaseCommand, scope: CaseScope): void {
  const { authority } = command;
  const { actor, occurredAt } = command.metadata;
  rule(
    command.type !== 'ReportRectification' || authority.role === 'subject-unit',
    'role-not-permitted',
    'a rectification is reported by the unit under the case (X-Actor-Role: subject-unit), not by those who judge it',
  );
  switch (authority.role) {
    case 'city-office':
      return;
    case 'subject-unit':
      rule(command.type === 'ReportRectification', 'role-not-permitted', `a subject unit may not ${command.type}`);
      rule(authority.unitCode === scope.subjectUnit, 'not-the-subject-unit', 'only the unit under the case reports its rectification');
      return;
    case 'supervisor': {
      const term = authority.assignment;
      rule(
        term !== null && term.supervisorId === actor && covers(term, occurredAt),
        'supervisor-not-in-office',
        `the actor held no supervision term at ${occurredAt}`,
      );
      rule(
        term.districtCode === scope.districtCode,
        'supervisor-outside-district',
        `a supervisor of district ${term.districtCode} may not act in district ${scope.districtCode}`,
      );
      return;
    }
    default: {
      const _exhaustive: never = authority;
      return _exhaustive;
    }
  }
}

/**
 * Separation of duties by person and by name: whoever reported the rectification under judgement may not accept
 * or reject it, whichever capacity they now act in. The report names its person (`reportedBy`: the authenticated
 * subject when an administrator named another actor) and the name it was recorded under (`reportedAs`); a
 * verdict is refused when the judging person or the name it would be recorded under is either of them. So an
 * administrator can neither judge their own report under another name, nor record a verdict under the
 * reporter's, nor have the record show one name both reporting and judging. A report stored without its
 * reporter (before reporters were recorded) refuses nobody: the rule cannot tell who made it.
 */
export function requireJudgeIsNotReporter(
  command: AcceptRectification | RejectRectification,
  rectification: Extract<Rectification, { stage: 'reported' }>,
): void {
  const reporters = [rectification.reportedBy, rectification.reportedAs].filter((name): name is string => name !== null);
  const judge = [personOf(command.metadata), command.metadata.actor];
  const verdict = command.type === 'AcceptRectification' ? 'accept' : 'reject';
  const as = rectification.reportedAs !== rectification.reportedBy ? ` as ${rectification.reportedAs}` : '';
  rule(
    !judge.some((name) => reporters.includes(name)),
    'reporter-may-not-judge',
    `${rectification.reportedBy}${as} reported this rectification, and may not also ${verdict} it under either name`,
  );
}
