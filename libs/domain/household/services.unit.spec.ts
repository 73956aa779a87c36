import { given } from '../../testing/decider-spec';
import { householdDecider } from './index';
import { HouseholdEvent } from './events';
import {
  deliver,
  enrolled,
  HOUSEHOLD_ID,
  NEED_ID,
  needRecorded,
  rate,
  recordNeed,
  SERVICE_ID,
  serviceDelivered,
  withdrawn,
} from './testing/fixtures';

const OTHER_NEED = '7e3c9a10-2b4d-4e6f-8a1b-3c5d7e9f1a2b';
const SECOND_SERVICE = 'e2b3c4d5-e6f7-4a81-9b2c-d3e4f5a6b7c8';

describe('needs', () => {
  it('records a need of an enrolled household', () => {
    given(householdDecider, [enrolled()])
      .when(recordNeed({ focusArea: 'health', kind: 'health-service', description: 'check-up' }))
      .then([
        {
          type: 'NeedRecorded',
          data: { householdId: HOUSEHOLD_ID, needId: NEED_ID, focusArea: 'health', kind: 'health-service', description: 'check-up' },
        },
      ]);
  });

  it('rejects recording the same need twice', () => {
    given(householdDecider, [enrolled(), needRecorded()]).when(recordNeed()).thenThrows('need-already-recorded');
  });

  it('rejects a need for a household that was never enrolled', () => {
    given(householdDecider).when(recordNeed()).thenThrows('household-not-enrolled');
  });
});

describe('services', () => {
  it('delivers a service that answers one of the household needs', () => {
    given(householdDecider, [enrolled(), needRecorded()])
      .when(deliver())
      .then([
        {
          type: 'ServiceDelivered',
          data: {
            householdId: HOUSEHOLD_ID,
            serviceId: SERVICE_ID,
            needId: NEED_ID,
            departmentCode: 'agriculture',
            serviceTypeCode: 'training',
            focusArea: 'prosperity',
            deliveredAt: '2013-05-10T02:00:00.000Z',
          },
        },
      ]);
  });

  it('delivers a service that answers no recorded need, leaving needId out of the event', () => {
    const events = householdDecider.decide(deliver({ needId: undefined }), fold([enrolled()]));
    expect(events).toEqual([
      {
        type: 'ServiceDelivered',
        data: {
          householdId: HOUSEHOLD_ID,
          serviceId: SERVICE_ID,
          departmentCode: 'agriculture',
          serviceTypeCode: 'training',
          focusArea: 'prosperity',
          deliveredAt: '2013-05-10T02:00:00.000Z',
        },
      },
    ]);
    expect(Object.keys(events[0].data)).not.toContain('needId');
  });

  it('lets several services answer the same need, even once it is met', () => {
    const second = deliver({ serviceId: SECOND_SERVICE, departmentCode: 'womens-federation', serviceTypeCode: 'job-fair' });
    given(householdDecider, [enrolled(), needRecorded(), serviceDelivered()])
      .when(second)
      .then([{ type: 'ServiceDelivered', data: { ...second.data, needId: NEED_ID } } as HouseholdEvent]);
  });

  it("rejects a service naming another household's need", () => {
    given(householdDecider, [enrolled(), needRecorded()])
      .when(deliver({ needId: OTHER_NEED }))
      .thenThrows('need-not-of-household');
  });

  it('rejects a service naming a need id that only exists on every object, such as constructor', () => {
    given(householdDecider, [enrolled()])
      .when(deliver({ needId: 'constructor' }))
      .thenThrows('need-not-of-household');
  });

  it('rejects a service in another focus area than the need it answers', () => {
    const healthCheck = deliver({ departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health' });
    given(householdDecider, [enrolled(), needRecorded()]).when(healthCheck).thenThrows('focus-area-mismatch');
  });

  it('rejects recording the same service twice', () => {
    given(householdDecider, [enrolled(), needRecorded(), serviceDelivered()]).when(deliver()).thenThrows('service-already-delivered');
  });

  it('rejects a service for a withdrawn household', () => {
    given(householdDecider, [enrolled(), needRecorded(), withdrawn]).when(deliver()).thenThrows('household-withdrawn');
  });
});

describe('satisfaction', () => {
  const history = [enrolled(), needRecorded(), serviceDelivered()];

  it("records the household's rating of a delivered service with the service's department, type and focus area", () => {
    given(householdDecider, history)
      .when(rate({ response: 'dissatisfied' }))
      .then([
        {
          type: 'SatisfactionRecorded',
          data: {
            householdId: HOUSEHOLD_ID,
            serviceId: SERVICE_ID,
            response: 'dissatisfied',
            departmentCode: 'agriculture',
            serviceTypeCode: 'training',
            focusArea: 'prosperity',
          },
        },
      ]);
  });

  it('records that the household gave no answer', () => {
    const [event] = householdDecider.decide(rate({ response: 'no-answer' }), fold(history));
    expect(event).toMatchObject({ type: 'SatisfactionRecorded', data: { response: 'no-answer' } });
  });

  it('rejects a rating for a service not delivered to this household', () => {
    given(householdDecider, history)
      .when(rate({ serviceId: SECOND_SERVICE }))
      .thenThrows('service-not-delivered');
  });

  it('rejects a rating dated before the service was delivered, and takes one dated at the delivery', () => {
    const at = (occurredAt: string) => ({ ...rate(), metadata: { ...rate().metadata, occurredAt } });
    given(householdDecider, history).when(at('2013-05-10T01:59:59.999Z')).thenThrows('service-not-delivered');
    expect(householdDecider.decide(at('2013-05-10T02:00:00.000Z'), fold(history))).toHaveLength(1);
  });

  it('rejects rating the same service twice', () => {
    const rated: HouseholdEvent = {
      type: 'SatisfactionRecorded',
      data: { ...rate().data, departmentCode: 'agriculture', serviceTypeCode: 'training', focusArea: 'prosperity' },
    };
    given(householdDecider, [...history, rated])
      .when(rate({ response: 'neutral' }))
      .thenThrows('satisfaction-already-recorded');
  });
});

function fold(events: HouseholdEvent[]) {
  return events.reduce(householdDecider.evolve, householdDecider.initialState);
}
