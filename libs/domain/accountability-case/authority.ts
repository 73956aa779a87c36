/**
 * Who may act on a case. The city office may act anywhere; a supervisor only in the district of the term
 * in force when the act happened; the subject unit only reports its own rectification. A rectification is
 * reported by the unit alone: those who judge it (a supervisor, the city office) may not also say it was done.
 */
import { rule } from '../shared';
import { assignmentAt, covers, SupervisionState } from '../supervision/state';
import { CaseAuthority, CaseCommand } from './commands';

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
