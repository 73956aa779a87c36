/**
 * Stateless checks of support commands against the support programmes and the field rules. Failures are
 * DomainErrors of kind 'invalid' (HTTP 400) whose message names the bad value (codes and numbers only).
 */
import { SupportProgrammes } from '../../reference-data/support-programmes';
import { integerIn, text } from '../household/checks';
import { DomainError, rule } from '../shared';
import { GrantSupport, SupportCommand } from './commands';
import { SupportQuantity } from './events';

const MAX = Number.MAX_SAFE_INTEGER;

export function validateSupportCommand(command: SupportCommand, programmes: SupportProgrammes): void {
  text(command.data.supportId, 'invalid-support-id', 'supportId');
  switch (command.type) {
    case 'GrantSupport':
      return validateGrant(command, programmes);
    case 'DeliverSupport':
      return quantity(command.data);
    case 'ReturnSupport':
      quantity(command.data);
      return text(command.data.reason, 'missing-reason', 'reason');
    case 'ReverseSupport':
      return text(command.data.reason, 'missing-reason', 'reason');
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Cash is an amount and no units; goods are one unit or more, with their value (possibly unknown, 0). */
function validateGrant(command: GrantSupport, programmes: SupportProgrammes): void {
  const { householdId, programmeCode, amountFen, units } = command.data;
  text(householdId, 'invalid-household-id', 'householdId');
  const programme = programmes.programme(programmeCode);
  if (programme === undefined)
    throw new DomainError('unknown-support-programme', `unknown support programme ${String(programmeCode)}`, 'invalid');
  if (programme.form === 'cash') {
    integerIn(amountFen, 1, MAX, 'invalid-amount', 'amountFen');
    rule(units === 0, 'units-for-cash', `${programme.code} pays cash: units must be 0; got ${String(units)}`, 'invalid');
  } else {
    integerIn(units, 1, MAX, 'invalid-units', 'units');
    integerIn(amountFen, 0, MAX, 'invalid-amount', 'amountFen');
  }
}

/** A delivery or a return moves something: money, units or both, never neither. */
function quantity({ amountFen, units }: SupportQuantity): void {
  integerIn(amountFen, 0, MAX, 'invalid-amount', 'amountFen');
  integerIn(units, 0, MAX, 'invalid-units', 'units');
  rule(amountFen + units > 0, 'empty-quantity', 'amountFen and units are both 0: nothing moves', 'invalid');
}
