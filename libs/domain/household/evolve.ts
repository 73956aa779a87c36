/** Folds household events into the state the rules need. Total: an event that cannot apply changes nothing. */
import { HouseholdEvent, ServiceDelivered } from './events';
import { EnrolledHousehold, HouseholdState } from './state';

export function evolveHousehold(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  switch (event.type) {
    case 'HouseholdEnrolled': {
      const { householdId, villageCode, category, members } = event.data;
      const certification = { status: 'Uncertified' } as const;
      return { status: 'Enrolled', householdId, villageCode, category, members, needs: {}, services: {}, certification };
    }
    case 'HouseholdRecategorized':
      return onEnrolled(state, (household) => ({ ...household, category: event.data.to }));
    case 'HouseholdWithdrawn':
      return state.status === 'Enrolled' ? { ...state, status: 'Withdrawn', withdrawalReason: event.data.reason } : state;
    case 'NeedRecorded':
      return onEnrolled(state, (household) => ({
        ...household,
        needs: { ...household.needs, [event.data.needId]: { focusArea: event.data.focusArea, met: false } },
      }));
    case 'ServiceDelivered':
      return onEnrolled(state, (household) => delivered(household, event));
    case 'SatisfactionRecorded':
      return onEnrolled(state, (household) => {
        const service = household.services[event.data.serviceId];
        const rated = { ...service, satisfaction: event.data.response };
        return service ? { ...household, services: { ...household.services, [event.data.serviceId]: rated } } : household;
      });
    case 'HouseholdCertified': {
      const { criteriaVersion, assessedBy } = event.data;
      return onEnrolled(state, (household) => ({ ...household, certification: { status: 'Certified', criteriaVersion, assessedBy } }));
    }
    case 'CertificationRevoked':
      return onEnrolled(state, (household) => ({ ...household, certification: { status: 'Uncertified' } }));
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function onEnrolled(state: HouseholdState, change: (household: EnrolledHousehold) => EnrolledHousehold): HouseholdState {
  return state.status === 'Enrolled' ? change(state) : state;
}

function delivered(household: EnrolledHousehold, event: ServiceDelivered): EnrolledHousehold {
  const { serviceId, needId, departmentCode, serviceTypeCode, focusArea, deliveredAt } = event.data;
  const common = { departmentCode, serviceTypeCode, focusArea, deliveredAt };
  const service = needId === undefined ? common : { needId, ...common };
  const need = needId === undefined ? undefined : household.needs[needId];
  const needs = need ? { ...household.needs, [needId!]: { ...need, met: true } } : household.needs;
  return { ...household, needs, services: { ...household.services, [serviceId]: service } };
}
