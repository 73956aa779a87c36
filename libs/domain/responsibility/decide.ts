import { rule } from '../shared';
import { monthOfInstant, parsePeriod } from '../supervision/periods';
import { AssignResponsibility, ResponsibilityCommand } from './commands';
import { ResponsibilityEvent } from './events';
import { ResponsibilityState } from './state';

export function decideResponsibility(command: ResponsibilityCommand, state: ResponsibilityState): ResponsibilityEvent[] {
  switch (command.type) {
    case 'AssignResponsibility':
      return assign(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

const blank = (text: string) => text.trim().length === 0;

function assign(command: AssignResponsibility, state: ResponsibilityState): ResponsibilityEvent[] {
  const { responsibilityId, task, officialId, position, indicator, duePeriod, reason } = command.data;
  rule(state.status === 'NotAssigned', 'responsibility-already-assigned', `responsibility ${responsibilityId} is already assigned`);
  rule(!blank(task), 'task-required', 'a responsibility must name its task', 'invalid');
  rule(!blank(officialId) && !blank(position), 'official-required', 'a responsibility must name the official and position', 'invalid');
  rule(!blank(reason), 'reason-required', 'an assignment must say why', 'invalid');
  rule(
    Number.isFinite(indicator.target) && indicator.target >= 0,
    'target-invalid',
    'an indicator target is a non-negative number',
    'invalid',
  );
  const due = parsePeriod(duePeriod);
  rule(due !== undefined, 'due-period-invalid', `due period ${duePeriod} is not a DHIS2 period`, 'invalid');
  rule(
    due.lastMonth >= monthOfInstant(command.metadata.occurredAt),
    'due-period-past',
    `due period ${duePeriod} has already ended`,
    'invalid',
  );
  return [{ type: 'ResponsibilityAssigned', data: { ...command.data, indicator: { ...indicator } } }];
}
