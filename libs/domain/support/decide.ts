/** The support decider: one small decision per command under one exhaustive switch. */
import { DomainError, rule } from '../shared';
import { DeliverSupport, GrantSupport, ReturnSupport, ReverseSupport, SupportCommand } from './commands';
import { SupportEvent, SupportQuantity } from './events';
import { GrantedSupport, heldOf, SupportState, undeliveredOf } from './state';

/** State rules only; programme and field checks are in ./validate.ts, run first by the Decider in ./index.ts. */
export function decideSupport(command: SupportCommand, state: SupportState): SupportEvent[] {
  switch (command.type) {
    case 'GrantSupport':
      return grant(command, state);
    case 'DeliverSupport':
      return deliver(command, state);
    case 'ReturnSupport':
      return giveBack(command, state);
    case 'ReverseSupport':
      return reverse(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function grant(command: GrantSupport, state: SupportState): SupportEvent[] {
  const { supportId, householdId, programmeCode, amountFen, units } = command.data;
  rule(state.status === 'NotGranted', 'support-already-granted', `support ${supportId} is already granted`);
  const { householdStatus, householdCategory } = command.context;
  rule(
    householdStatus !== 'NotEnrolled' && householdCategory !== undefined,
    'unknown-household',
    `unknown household ${householdId}`,
    'invalid',
  );
  rule(householdStatus === 'Enrolled', 'household-withdrawn', `household ${householdId} has withdrawn and is granted nothing more`);
  return [{ type: 'SupportGranted', data: { supportId, householdId, programmeCode, householdCategory, amountFen, units } }];
}

/** Deliveries add up to the grant at most: what was not granted cannot be delivered. */
function deliver(command: DeliverSupport, state: SupportState): SupportEvent[] {
  const { supportId, amountFen, units } = command.data;
  const support = requireGranted(state, supportId);
  const left = undeliveredOf(support);
  rule(
    within(command.data, left),
    'delivery-exceeds-grant',
    `delivering ${amountFen} fen and ${units} units exceeds the ${left.amountFen} fen and ${left.units} units of support ${supportId} not yet delivered`,
  );
  return [{ type: 'SupportDelivered', data: { ...ref(support), amountFen, units } }];
}

/** Returns add up to what was delivered and not already returned. */
function giveBack(command: ReturnSupport, state: SupportState): SupportEvent[] {
  const { supportId, amountFen, units, reason } = command.data;
  const support = requireGranted(state, supportId);
  const held = heldOf(support);
  rule(
    within(command.data, held),
    'return-exceeds-delivered',
    `returning ${amountFen} fen and ${units} units exceeds the ${held.amountFen} fen and ${held.units} units of support ${supportId} delivered and not returned`,
  );
  return [{ type: 'SupportReturned', data: { ...ref(support), amountFen, units, reason } }];
}

/** Once only; takes out the grant and what the household still holds of it. */
function reverse(command: ReverseSupport, state: SupportState): SupportEvent[] {
  const { supportId, reason } = command.data;
  if (state.status === 'NotGranted') throw notGranted(supportId);
  rule(state.status !== 'Reversed', 'support-already-reversed', `support ${supportId} is already reversed`);
  const support = requireGranted(state, supportId);
  const held = heldOf(support);
  const { grantedFen, grantedUnits } = support;
  return [
    {
      type: 'SupportReversed',
      data: { ...ref(support), reason, grantedFen, grantedUnits, heldFen: held.amountFen, heldUnits: held.units },
    },
  ];
}

/** The support exists, is the one the command names, and has not been reversed. */
function requireGranted(state: SupportState, supportId: string): GrantedSupport {
  if (state.status === 'NotGranted') throw notGranted(supportId);
  rule(state.supportId === supportId, 'support-mismatch', `command for support ${supportId} reached support ${state.supportId}`, 'invalid');
  rule(state.status === 'Granted', 'support-reversed', `support ${supportId} was reversed and accepts nothing more`);
  return state;
}

const notGranted = (supportId: string) => new DomainError('support-not-granted', `support ${supportId} was never granted`, 'not-found');
const within = (asked: SupportQuantity, limit: SupportQuantity) => asked.amountFen <= limit.amountFen && asked.units <= limit.units;
const ref = ({ supportId, householdId, programmeCode }: GrantedSupport) => ({ supportId, householdId, programmeCode });
