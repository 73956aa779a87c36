import { given } from '../../testing/decider-spec';
import { loanDecider } from './index';
import { BORROWER_ID, closed, defaulted, grant, granted, LOAN_ID, markDefaulted, repaid, repay } from './testing/fixtures';

describe('granting a loan', () => {
  it('grants a loan to an enrolled household within the programme cap', () => {
    given(loanDecider)
      .when(grant())
      .then([
        {
          type: 'LoanGranted',
          data: {
            loanId: LOAN_ID,
            householdId: BORROWER_ID,
            borrowerGroup: 'woman',
            programmeCode: 'womens-micro-loan',
            principalFen: 5_000_000,
            interestSubsidyBps: 615,
            termMonths: 24,
            lender: 'Ningxia Yellow River Rural Commercial Bank',
          },
        },
      ]);
  });

  it('grants exactly the cap of the programme', () => {
    const [event] = loanDecider.decide(grant({ principalFen: 8_000_000 }), loanDecider.initialState);
    expect(event).toMatchObject({ type: 'LoanGranted', data: { principalFen: 8_000_000 } });
  });

  it('leaves the looked-up household status out of the event', () => {
    const [event] = loanDecider.decide(grant(), loanDecider.initialState);
    expect(Object.keys(event.data)).not.toContain('householdStatus');
    expect(event).not.toHaveProperty('context');
  });

  it('rejects granting the same loan twice', () => {
    given(loanDecider, [granted()]).when(grant()).thenThrows('loan-already-granted');
  });

  it('rejects a loan to a household that was never enrolled', () => {
    given(loanDecider)
      .when(grant({}, { householdStatus: 'NotEnrolled' }))
      .thenThrows('unknown-household');
  });

  it('rejects a loan to a withdrawn household', () => {
    given(loanDecider)
      .when(grant({}, { householdStatus: 'Withdrawn' }))
      .thenThrows('household-withdrawn');
  });
});

describe('repayments', () => {
  it('records a repayment with the amount still outstanding', () => {
    given(loanDecider, [granted()])
      .when(repay(1_000_000))
      .then([
        {
          type: 'LoanRepaymentRecorded',
          data: { loanId: LOAN_ID, householdId: BORROWER_ID, amountFen: 1_000_000, outstandingFen: 4_000_000 },
        },
      ]);
  });

  it('closes the loan in the same decision as the repayment that clears it', () => {
    given(loanDecider, [granted(), repaid(1_000_000, 4_000_000)])
      .when(repay(4_000_000))
      .then([
        { type: 'LoanRepaymentRecorded', data: { loanId: LOAN_ID, householdId: BORROWER_ID, amountFen: 4_000_000, outstandingFen: 0 } },
        { type: 'LoanRepaid', data: { loanId: LOAN_ID, householdId: BORROWER_ID, principalFen: 5_000_000 } },
      ]);
  });

  it('rejects a repayment of more than is outstanding', () => {
    given(loanDecider, [granted(), repaid(1_000_000, 4_000_000)])
      .when(repay(4_000_001))
      .thenThrows('repayment-exceeds-outstanding');
  });

  it('rejects a repayment on a fully repaid loan', () => {
    given(loanDecider, [granted(), repaid(5_000_000, 0), closed])
      .when(repay(1))
      .thenThrows('loan-repaid');
  });

  it('rejects a repayment on a loan that was never granted', () => {
    given(loanDecider).when(repay(100)).thenThrows('loan-not-granted');
  });

  it('records a recovery on a defaulted loan and closes it once nothing is outstanding', () => {
    given(loanDecider, [granted(), repaid(1_000_000, 4_000_000), defaulted(4_000_000)])
      .when(repay(4_000_000))
      .then([
        { type: 'LoanRepaymentRecorded', data: { loanId: LOAN_ID, householdId: BORROWER_ID, amountFen: 4_000_000, outstandingFen: 0 } },
        { type: 'LoanRepaid', data: { loanId: LOAN_ID, householdId: BORROWER_ID, principalFen: 5_000_000 } },
      ]);
  });

  it('rejects a command for another loan than the stream it reached', () => {
    given(loanDecider, [granted()])
      .when({ ...repay(1), data: { loanId: 'another-loan', amountFen: 1 } })
      .thenThrows('loan-mismatch');
  });
});

describe('default', () => {
  it('marks an active loan defaulted with what is outstanding', () => {
    given(loanDecider, [granted(), repaid(1_500_000, 3_500_000)])
      .when(markDefaulted())
      .then([
        {
          type: 'LoanDefaulted',
          data: { loanId: LOAN_ID, householdId: BORROWER_ID, outstandingFen: 3_500_000, reason: 'no repayment for 12 months' },
        },
      ]);
  });

  it('rejects marking a loan defaulted twice', () => {
    given(loanDecider, [granted(), defaulted(5_000_000)])
      .when(markDefaulted())
      .thenThrows('loan-already-defaulted');
  });

  it('rejects marking a repaid loan defaulted', () => {
    given(loanDecider, [granted(), repaid(5_000_000, 0), closed])
      .when(markDefaulted())
      .thenThrows('loan-repaid');
  });

  it('rejects marking a loan defaulted that was never granted', () => {
    given(loanDecider).when(markDefaulted()).thenThrows('loan-not-granted');
  });
});
