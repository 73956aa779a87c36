/**
 * The support aggregate (`support-<id>`): one grant of support to one household under one programme, then
 * its deliveries, returns and at most one reversal. `createSupportDecider(programmes)` checks each command
 * against the programmes and field rules (./validate.ts), then the state rules (./decide.ts).
 */
import { SupportProgrammes, supportProgrammes } from '../../reference-data/support-programmes';
import { Decider } from '../shared';
import { SupportCommand } from './commands';
import { decideSupport } from './decide';
import { SupportEvent } from './events';
import { evolveSupport } from './evolve';
import { initialSupportState, SupportState } from './state';
import { validateSupportCommand } from './validate';

export * from './catalogue';
export * from './commands';
export * from './events';
export * from './state';
export { validateSupportCommand } from './validate';

export const SUPPORT_STREAM_CATEGORY = 'support';
export const supportStream = (supportId: string) => `${SUPPORT_STREAM_CATEGORY}-${supportId}`;

export function createSupportDecider(programmes: SupportProgrammes): Decider<SupportCommand, SupportEvent, SupportState> {
  return {
    decide(command, state) {
      validateSupportCommand(command, programmes);
      return decideSupport(command, state);
    },
    evolve: evolveSupport,
    initialState: initialSupportState,
    startedBy: ['GrantSupport'],
  };
}

/** Against the support programmes shipped with the project. */
export const supportDecider = createSupportDecider(supportProgrammes);
