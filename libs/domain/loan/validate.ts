/**
 * Stateless checks of loan commands against the loan programmes and the field rules. Failures are
 * DomainErrors of kind 'invalid' (HTTP 400) whose message names the bad value.
 */
import { ReferenceData } from '../../reference-data/reference-data';
import { integerIn, oneOf, text } from '../household/checks';
import { DomainError, rule } from '../shared';
import { LoanProgramme } from '../../reference-data/types';
import { principalCapFen } from './caps';
import { GrantLoan, LoanCommand } from './commands';
import { BORROWER_GROUPS } from './events';

export function validateLoanCommand(command: LoanCommand, reference: ReferenceData): void {
  text(command.data.loanId, 'invalid-loan-id', 'loanId');
  switch (command.type) {
    case 'GrantLoan':
      return validateGrant(command, reference);
    case 'RecordRepayment':
      return integerIn(command.data.amountFen, 1, Number.MAX_SAFE_INTEGER, 'invalid-amount', 'amountFen');
    case 'MarkLoanDefaulted':
      return text(command.data.reason, 'missing-reason', 'reason');
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function validateGrant(command: GrantLoan, reference: ReferenceData): void {
  const { householdId, borrowerGroup, programmeCode, principalFen, interestSubsidyBps, termMonths, lender, partners } = command.data;
  text(householdId, 'invalid-household-id', 'householdId');
  const programme = reference.loanProgramme(programmeCode);
  if (programme === undefined)
    throw new DomainError('unknown-loan-programme', `unknown loan programme ${String(programmeCode)}`, 'invalid');
  oneOf(BORROWER_GROUPS, borrowerGroup, 'invalid-borrower-group', 'borrowerGroup');
  rule(
    programme.borrowerGroups.includes(borrowerGroup),
    'borrower-group-not-allowed',
    `${programme.code} does not lend to ${borrowerGroup}`,
    'invalid',
  );
  if (partners !== undefined) validatePartnership(programme, partners);
  integerIn(principalFen, 1, Number.MAX_SAFE_INTEGER, 'invalid-principal', 'principalFen');
  const cap = principalCapFen(programme, partners);
  const form = partners === undefined ? '' : ` for a partnership of ${partners}`;
  rule(
    principalFen <= cap,
    'principal-above-cap',
    `principal ${principalFen} fen exceeds the ${cap} fen cap of ${programme.code}${form}`,
    'invalid',
  );
  integerIn(interestSubsidyBps, 0, programme.maxInterestSubsidyBps, 'invalid-interest-subsidy', 'interestSubsidyBps');
  integerIn(termMonths, 1, programme.maxTermMonths, 'invalid-term', 'termMonths');
  text(lender, 'missing-lender', 'lender');
}

/** A partnership loan names two or more partners, under a programme that has the partnership form. */
function validatePartnership(programme: LoanProgramme, partners: number): void {
  rule(programme.partnership !== undefined, 'partnership-not-offered', `${programme.code} does not lend to partnerships`, 'invalid');
  integerIn(partners, 2, Number.MAX_SAFE_INTEGER, 'invalid-partners', 'partners');
}
