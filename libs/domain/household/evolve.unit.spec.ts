import { householdDecider } from './index';
import { HouseholdEvent } from './events';
import { HouseholdState } from './state';
import { certified, enrolled, HOUSEHOLD_ID, NEED_ID, needRecorded, SERVICE_ID, serviceDelivered, withdrawn } from './testing/fixtures';

const fold = (events: HouseholdEvent[]): HouseholdState => events.reduce(householdDecider.evolve, householdDecider.initialState);
const rated: HouseholdEvent = {
  type: 'SatisfactionRecorded',
  data: {
    householdId: HOUSEHOLD_ID,
    serviceId: SERVICE_ID,
    response: 'satisfied',
    departmentCode: 'agriculture',
    serviceTypeCode: 'training',
    focusArea: 'prosperity',
  },
};

describe('household state', () => {
  it('starts as not enrolled', () => {
    expect(fold([])).toEqual({ status: 'NotEnrolled' });
  });

  it('holds an enrolled household without personal data, with no needs, services or certification yet', () => {
    expect(fold([enrolled()])).toEqual({
      status: 'Enrolled',
      householdId: HOUSEHOLD_ID,
      villageCode: '640104001001',
      category: 'developing',
      members: 4,
      needs: {},
      services: {},
      certification: { status: 'Uncertified' },
    });
  });

  it('marks a need met once a service answers it, and remembers how the service was rated', () => {
    const state = fold([enrolled(), needRecorded(), serviceDelivered(), rated, certified]);
    expect(state).toMatchObject({
      status: 'Enrolled',
      needs: { [NEED_ID]: { focusArea: 'prosperity', met: true } },
      services: {
        [SERVICE_ID]: {
          needId: NEED_ID,
          departmentCode: 'agriculture',
          serviceTypeCode: 'training',
          focusArea: 'prosperity',
          deliveredAt: '2013-05-10T02:00:00.000Z',
          satisfaction: 'satisfied',
        },
      },
      certification: { status: 'Certified', criteriaVersion: 'criteria-2013', assessedBy: 'assessor-007' },
    });
  });

  it('leaves a need unmet while no service has answered it', () => {
    expect(fold([enrolled(), needRecorded(), serviceDelivered({ needId: undefined })])).toMatchObject({
      needs: { [NEED_ID]: { met: false } },
    });
  });

  it('keeps what a withdrawn household had, with the reason it left', () => {
    const state = fold([enrolled(), needRecorded(), withdrawn]);
    expect(state).toMatchObject({ status: 'Withdrawn', withdrawalReason: 'moved to another city', needs: { [NEED_ID]: { met: false } } });
  });

  it('ignores an event that cannot apply to the state it meets', () => {
    expect(fold([needRecorded()])).toEqual({ status: 'NotEnrolled' });
  });
});
