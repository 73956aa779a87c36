/**
 * The household aggregate (`household-<id>`). `createHouseholdDecider(reference)` checks each command
 * against the reference data and field rules (./validate.ts), then the state rules (./decide.ts).
 */
import { referenceData } from '../../reference-data';
import { ReferenceData } from '../../reference-data/reference-data';
import { Decider } from '../shared';
import { HouseholdCommand } from './commands';
import { decideHousehold } from './decide';
import { HouseholdEvent } from './events';
import { evolveHousehold } from './evolve';
import { HouseholdState, initialHouseholdState } from './state';
import { validateHouseholdCommand } from './validate';

export * from './catalogue';
export * from './commands';
export * from './events';
export * from './state';
export { BATCHES, ENROLMENT_YEARS, enrolmentDefaults, MEMBERS, validateHouseholdCommand } from './validate';

export const HOUSEHOLD_STREAM_CATEGORY = 'household';
export const householdStream = (householdId: string) => `${HOUSEHOLD_STREAM_CATEGORY}-${householdId}`;

export function createHouseholdDecider(reference: ReferenceData): Decider<HouseholdCommand, HouseholdEvent, HouseholdState> {
  return {
    decide(command, state) {
      validateHouseholdCommand(command, reference);
      return decideHousehold(command, state);
    },
    evolve: evolveHousehold,
    initialState: initialHouseholdState,
    startedBy: ['EnrollHousehold'],
    // The head's details and the free-text reasons are recorded, never decided on (libs/command-handling/sealed-folds.unit.spec.ts).
    ignoresPersonalFields: true,
  };
}

/** Against the reference data shipped with the project. */
export const householdDecider = createHouseholdDecider(referenceData);
