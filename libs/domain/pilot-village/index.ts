import { Decider } from '../shared';
import { PilotVillageCommand } from './commands';
import { decidePilotVillage } from './decide';
import { PilotVillageEvent } from './events';
import { evolvePilotVillage } from './evolve';
import { initialPilotVillageState, PilotVillageState } from './state';

export * from './commands';
export * from './events';
export * from './state';

/** One stream per village: its designations and withdrawals in order. */
export const pilotVillageStream = (villageCode: string) => `pilotvillage-${villageCode}`;

export const pilotVillageDecider: Decider<PilotVillageCommand, PilotVillageEvent, PilotVillageState> = {
  decide: decidePilotVillage,
  evolve: evolvePilotVillage,
  initialState: initialPilotVillageState,
};
