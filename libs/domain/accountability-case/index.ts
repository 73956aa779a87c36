import { Decider } from '../shared';
import { CaseCommand } from './commands';
import { decideCase } from './decide';
import { CaseEvent } from './events';
import { evolveCase } from './evolve';
import { CaseState, initialCaseState } from './state';

export { supervisorAuthority } from './authority';
export * from './commands';
export * from './events';
export * from './state';

export const caseStream = (caseId: string) => `case-${caseId}`;

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
  startedBy: ['OpenCase'],
};
