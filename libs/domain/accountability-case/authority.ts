/**
 * Who may act on a case. The city office may act anywhere; a supervisor only in the district of the term
 * in force when the act happened; the subject unit only reports its own rectification.
 */
import { rule } from '../shared';
import { covers } from '../supervision/state';
import { CaseCommand } from './commands';

export interface CaseScope {
  districtCode: string;
  subjectUnit: string;
}

export function requireAuthority(command: CaseCommand, scope: CaseScope): void {
  const { authority } = command;
  const { actor, occurredAt } = command.metadata;
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
