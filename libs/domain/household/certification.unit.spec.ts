import { given } from '../../testing/decider-spec';
import { householdDecider } from './index';
import { HouseholdEvent } from './events';
import { certified, certify, enrolled, HOUSEHOLD_ID, revoke, withdrawn } from './testing/fixtures';

const revoked: HouseholdEvent = {
  type: 'CertificationRevoked',
  data: { householdId: HOUSEHOLD_ID, criteriaVersion: 'criteria-2013', reason: 'x' },
};

describe('happy family certification', () => {
  it('certifies an enrolled household under the criteria version, naming the assessor', () => {
    given(householdDecider, [enrolled()])
      .when(certify())
      .then([
        { type: 'HouseholdCertified', data: { householdId: HOUSEHOLD_ID, criteriaVersion: 'criteria-2013', assessedBy: 'assessor-007' } },
      ]);
  });

  it('rejects certifying a household twice', () => {
    given(householdDecider, [enrolled(), certified])
      .when(certify({ criteriaVersion: 'criteria-2014' }))
      .thenThrows('household-already-certified');
  });

  it('rejects certifying a household that was never enrolled', () => {
    given(householdDecider).when(certify()).thenThrows('household-not-enrolled');
  });

  it('rejects certifying a withdrawn household', () => {
    given(householdDecider, [enrolled(), withdrawn]).when(certify()).thenThrows('household-withdrawn');
  });

  it('revokes a certification with a reason, naming the criteria it was awarded under', () => {
    given(householdDecider, [enrolled(), certified])
      .when(revoke())
      .then([
        {
          type: 'CertificationRevoked',
          data: { householdId: HOUSEHOLD_ID, criteriaVersion: 'criteria-2013', reason: 'criteria no longer met' },
        },
      ]);
  });

  it('rejects revoking a certification the household does not hold', () => {
    given(householdDecider, [enrolled()]).when(revoke()).thenThrows('household-not-certified');
  });

  it('rejects revoking a certification twice', () => {
    given(householdDecider, [enrolled(), certified, revoked]).when(revoke()).thenThrows('household-not-certified');
  });

  it('certifies a household again after its certification was revoked', () => {
    given(householdDecider, [enrolled(), certified, revoked])
      .when(certify({ criteriaVersion: 'criteria-2015' }))
      .then([
        { type: 'HouseholdCertified', data: { householdId: HOUSEHOLD_ID, criteriaVersion: 'criteria-2015', assessedBy: 'assessor-007' } },
      ]);
  });
});
