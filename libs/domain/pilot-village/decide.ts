import { referenceData } from '../../reference-data';
import { rule } from '../shared';
import { PilotVillageCommand } from './commands';
import { PilotVillageEvent } from './events';
import { PilotVillageState } from './state';

const blank = (text: string) => text.trim().length === 0;

export function decidePilotVillage(command: PilotVillageCommand, state: PilotVillageState): PilotVillageEvent[] {
  const { villageCode, reason } = command.data;
  const village = referenceData.orgUnit(villageCode);
  rule(village?.level === 'village', 'unknown-village', `unknown village ${villageCode.slice(0, 20)}`, 'invalid');
  rule(!blank(reason), 'reason-required', 'a designation and its withdrawal must say why', 'invalid');
  const townshipCode = village.parent!;
  switch (command.type) {
    case 'DesignatePilotVillage':
      rule(!blank(command.data.designatedBy), 'decider-required', 'a designation must name who decided it', 'invalid');
      rule(state.status === 'NotPilot', 'already-pilot', `village ${villageCode} is already a pilot village`);
      return [{ type: 'PilotVillageDesignated', data: { villageCode, townshipCode, designatedBy: command.data.designatedBy, reason } }];
    case 'WithdrawPilotVillageDesignation':
      rule(!blank(command.data.withdrawnBy), 'decider-required', 'a withdrawal must name who decided it', 'invalid');
      rule(state.status === 'Pilot', 'not-pilot', `village ${villageCode} is not a pilot village`);
      return [
        { type: 'PilotVillageDesignationWithdrawn', data: { villageCode, townshipCode, withdrawnBy: command.data.withdrawnBy, reason } },
      ];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
