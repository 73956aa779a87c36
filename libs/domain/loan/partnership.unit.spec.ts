import { ReferenceData } from '../../reference-data/reference-data';
import { referenceData } from '../../reference-data';
import { given } from '../../testing/decider-spec';
import { createLoanDecider, loanDecider, partnersAtCeiling, principalCapFen } from './index';
import { BORROWER_ID, grant, LOAN_ID } from './testing/fixtures';

const youth = { borrowerGroup: 'youth', programmeCode: 'youth-entrepreneurship-loan', termMonths: 36 } as const;

describe('granting a loan to a partnership led by the borrower', () => {
  it('grants a woman-led partnership of three up to three times the cap per partner, recording the partners', () => {
    given(loanDecider)
      .when(grant({ partners: 3, principalFen: 24_000_000 }))
      .then([
        {
          type: 'LoanGranted',
          data: {
            loanId: LOAN_ID,
            householdId: BORROWER_ID,
            borrowerGroup: 'woman',
            programmeCode: 'womens-micro-loan',
            principalFen: 24_000_000,
            interestSubsidyBps: 615,
            termMonths: 24,
            lender: 'Ningxia Yellow River Rural Commercial Bank',
            partners: 3,
          },
        },
      ]);
  });

  it('rejects a partnership loan above the cap per partner times the partners', () => {
    given(loanDecider)
      .when(grant({ partners: 3, principalFen: 24_000_001 }))
      .thenThrows('principal-above-cap');
  });

  it('lends a large partnership no more than the ceiling, however many partners it has', () => {
    given(loanDecider)
      .when(grant({ partners: 9, principalFen: 50_000_000 }))
      .then([expect.objectContaining({ type: 'LoanGranted', data: expect.objectContaining({ principalFen: 50_000_000, partners: 9 }) })]);
    given(loanDecider)
      .when(grant({ partners: 9, principalFen: 50_000_001 }))
      .thenThrows('principal-above-cap');
  });

  it('holds a youth-led partnership to the youth ceiling', () => {
    given(loanDecider)
      .when(grant({ ...youth, partners: 4, principalFen: 40_000_000 }))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ borrowerGroup: 'youth', principalFen: 40_000_000, partners: 4 }) }),
      ]);
    given(loanDecider)
      .when(grant({ ...youth, partners: 5, principalFen: 40_000_001 }))
      .thenThrows('principal-above-cap');
  });

  it('keeps a loan to one borrower to the individual cap, with no partners in its event', () => {
    given(loanDecider)
      .when(grant({ principalFen: 8_000_001 }))
      .thenThrows('principal-above-cap');
    const [event] = loanDecider.decide(grant({ partners: undefined }), loanDecider.initialState);
    expect(event.data).not.toHaveProperty('partners');
  });

  it.each([[1], [0], [2.5], [-3]])('rejects a partnership of %p partners', (partners) => {
    given(loanDecider)
      .when(grant({ partners, principalFen: 1_000_000 }))
      .thenThrows('invalid-partners');
  });

  it('rejects a partnership loan under a programme that lends to one borrower only', () => {
    const individualOnly = { ...referenceData.loanProgramme('womens-micro-loan')!, partnership: undefined };
    const reference = new ReferenceData({
      orgUnits: { version: 'o', units: [] },
      departments: { version: 'd', departments: [] },
      serviceTypes: { version: 's', serviceTypes: [] },
      loanProgrammes: { version: 'l', loanProgrammes: [individualOnly] },
    });
    given(createLoanDecider(reference))
      .when(grant({ partners: 2, principalFen: 1_000_000 }))
      .thenThrows('partnership-not-offered');
    given(createLoanDecider(reference))
      .when(grant({ principalFen: 1_000_000 }))
      .then([expect.objectContaining({ type: 'LoanGranted' })]);
  });
});

describe('loan caps', () => {
  const women = referenceData.loanProgramme('womens-micro-loan')!;

  it('are the individual cap for one borrower, the cap per partner times the partners up to the ceiling for a partnership', () => {
    expect([undefined, 2, 6, 7, 40].map((partners) => principalCapFen(women, partners))).toEqual([
      8_000_000, 16_000_000, 48_000_000, 50_000_000, 50_000_000,
    ]);
    expect(partnersAtCeiling(women)).toBe(7);
    expect(partnersAtCeiling(referenceData.loanProgramme('youth-entrepreneurship-loan')!)).toBe(4);
  });
});
