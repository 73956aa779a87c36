import { DomainError } from '../shared';
import { LoanCommand } from './commands';
import { loanDecider } from './index';
import { grant, granted, markDefaulted, repay } from './testing/fixtures';

const active = loanDecider.evolve(loanDecider.initialState, granted());

function rejection(command: LoanCommand): DomainError {
  try {
    loanDecider.decide(command, command.type === 'GrantLoan' ? loanDecider.initialState : active);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${command.type} to be rejected`);
}

describe('loan checks', () => {
  it.each<[string, LoanCommand, string, string]>([
    ['an unknown loan programme', grant({ programmeCode: 'golden-parachute' }), 'unknown-loan-programme', 'golden-parachute'],
    ['a borrower group the programme does not lend to', grant({ borrowerGroup: 'youth' }), 'borrower-group-not-allowed', 'youth'],
    ['an unknown borrower group', grant({ borrowerGroup: 'retiree' as never }), 'invalid-borrower-group', 'retiree'],
    ['a principal above the programme cap', grant({ principalFen: 8_000_001 }), 'principal-above-cap', '8000001'],
    [
      'a partnership principal above the cap per partner times the partners',
      grant({ partners: 2, principalFen: 16_000_001 }),
      'principal-above-cap',
      '16000000',
    ],
    ['a partnership of one', grant({ partners: 1 }), 'invalid-partners', '1'],
    ['a principal of zero', grant({ principalFen: 0 }), 'invalid-principal', '0'],
    ['a principal in fractions of a fen', grant({ principalFen: 100.5 }), 'invalid-principal', '100.5'],
    ['a negative interest subsidy', grant({ interestSubsidyBps: -1 }), 'invalid-interest-subsidy', '-1'],
    ['an interest subsidy above the programme ceiling', grant({ interestSubsidyBps: 701 }), 'invalid-interest-subsidy', '701'],
    ['a term of zero months', grant({ termMonths: 0 }), 'invalid-term', '0'],
    ['a term longer than the programme allows', grant({ termMonths: 25 }), 'invalid-term', '25'],
    ['a repayment of zero', repay(0), 'invalid-amount', '0'],
    ['a negative repayment', repay(-100), 'invalid-amount', '-100'],
    ['a repayment in fractions of a fen', repay(0.5), 'invalid-amount', '0.5'],
  ])('rejects %s as invalid, naming the bad value', (_, command, code, value) => {
    const error = rejection(command);
    expect({ code: error.code, kind: error.kind }).toEqual({ code, kind: 'invalid' });
    expect(error.message).toContain(value);
  });

  it.each<[string, LoanCommand, string]>([
    ['a loan without a lender', grant({ lender: '' }), 'missing-lender'],
    ['a loan without a household', grant({ householdId: '' }), 'invalid-household-id'],
    ['a loan without an id', grant({ loanId: '' }), 'invalid-loan-id'],
    ['a default without a reason', markDefaulted({ reason: ' ' }), 'missing-reason'],
  ])('rejects %s as invalid', (_, command, code) => {
    expect(rejection(command)).toMatchObject({ code, kind: 'invalid' });
  });

  it('lends to youth under the youth entrepreneurship programme up to its own cap and term', () => {
    const youth = grant({ borrowerGroup: 'youth', programmeCode: 'youth-entrepreneurship-loan', principalFen: 10_000_000, termMonths: 36 });
    expect(loanDecider.decide(youth, loanDecider.initialState)).toHaveLength(1);
  });
});
