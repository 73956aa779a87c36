import { given } from '../../testing/decider-spec';
import { DomainError } from '../shared';
import { householdDecider } from './index';
import {
  certify,
  deliver,
  enrol,
  enrolled,
  HOUSEHOLD_ID,
  OTHER_HOUSEHOLD_ID,
  rate,
  recategorize,
  recordNeed,
  revoke,
  withdraw,
  withdrawn,
} from './testing/fixtures';

describe('household enrolment', () => {
  it('enrols a household in a village of the tree with the head of household under head', () => {
    given(householdDecider)
      .when(enrol())
      .then([
        {
          type: 'HouseholdEnrolled',
          data: {
            householdId: HOUSEHOLD_ID,
            villageCode: '640104001001',
            category: 'developing',
            members: 4,
            head: { name: 'Ma Lan', idNumber: '640104198001010021', phone: '13900000000' },
            enrolmentYear: 2013,
            batch: 2,
          },
        },
      ]);
  });

  it('enrols a household whose head gave only a name', () => {
    given(householdDecider)
      .when(enrol({ head: { name: 'Ma Lan' } }))
      .then([
        {
          type: 'HouseholdEnrolled',
          data: {
            householdId: HOUSEHOLD_ID,
            villageCode: '640104001001',
            category: 'developing',
            members: 4,
            head: { name: 'Ma Lan' },
            enrolmentYear: 2013,
            batch: 2,
          },
        },
      ]);
  });

  it('rejects enrolling a household twice', () => {
    given(householdDecider, [enrolled()]).when(enrol()).thenThrows('household-already-enrolled');
  });

  it('rejects enrolling a withdrawn household again', () => {
    given(householdDecider, [enrolled(), withdrawn]).when(enrol()).thenThrows('household-withdrawn');
  });
});

describe('household recategorization', () => {
  it('recategorizes an enrolled household, naming the category it leaves', () => {
    given(householdDecider, [enrolled()])
      .when(recategorize({ to: 'elderly', reason: 'head retired' }))
      .then([
        { type: 'HouseholdRecategorized', data: { householdId: HOUSEHOLD_ID, from: 'developing', to: 'elderly', reason: 'head retired' } },
      ]);
  });

  it('names the category of the last recategorization as the one it leaves', () => {
    const moved = {
      type: 'HouseholdRecategorized' as const,
      data: { householdId: HOUSEHOLD_ID, from: 'developing' as const, to: 'stable' as const, reason: 'x' },
    };
    given(householdDecider, [enrolled(), moved])
      .when(recategorize({ to: 'new-urban', reason: 'moved to town' }))
      .then([
        { type: 'HouseholdRecategorized', data: { householdId: HOUSEHOLD_ID, from: 'stable', to: 'new-urban', reason: 'moved to town' } },
      ]);
  });

  it('rejects recategorizing into the category the household already has', () => {
    given(householdDecider, [enrolled()])
      .when(recategorize({ to: 'developing' }))
      .thenThrows('category-unchanged');
  });

  it('rejects recategorizing a household that was never enrolled', () => {
    given(householdDecider).when(recategorize()).thenThrows('household-not-enrolled');
  });
});

describe('household withdrawal', () => {
  it('withdraws an enrolled household with its reason', () => {
    given(householdDecider, [enrolled()])
      .when(withdraw())
      .then([{ type: 'HouseholdWithdrawn', data: { householdId: HOUSEHOLD_ID, reason: 'moved to another city' } }]);
  });

  it('rejects withdrawing a household twice', () => {
    given(householdDecider, [enrolled(), withdrawn]).when(withdraw()).thenThrows('household-withdrawn');
  });

  it('rejects withdrawing a household that was never enrolled', () => {
    given(householdDecider).when(withdraw()).thenThrows('household-not-enrolled');
  });

  it.each([
    ['a recategorization', recategorize()],
    ['a need', recordNeed()],
    ['a service', deliver({ needId: undefined })],
    ['a satisfaction response', rate()],
    ['a certification', certify()],
    ['a revocation', revoke()],
  ])('rejects %s for a withdrawn household', (_, command) => {
    given(householdDecider, [enrolled(), withdrawn]).when(command).thenThrows('household-withdrawn');
  });
});

describe('addressing', () => {
  it('reports a household that was never enrolled as not found', () => {
    const error = catchError(() => householdDecider.decide(recordNeed(), householdDecider.initialState));
    expect(error).toMatchObject({ code: 'household-not-enrolled', kind: 'not-found' });
  });

  it('rejects a command for another household than the stream it reached', () => {
    given(householdDecider, [enrolled()])
      .when(recordNeed({ householdId: OTHER_HOUSEHOLD_ID }))
      .thenThrows('household-mismatch');
  });
});

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}
