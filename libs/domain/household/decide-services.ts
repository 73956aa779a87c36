/** Needs, the services that answer them, and the household's rating of each service. */
import { DomainError, rule } from '../shared';
import { DeliverService, RecordNeed, RecordSatisfaction } from './commands';
import { HouseholdEvent, ServiceDelivered } from './events';
import { requireEnrolled } from './guards';
import { HouseholdState } from './state';

export function recordNeed(command: RecordNeed, state: HouseholdState): HouseholdEvent[] {
  const { householdId, needId } = command.data;
  const household = requireEnrolled(state, householdId);
  rule(!Object.hasOwn(household.needs, needId), 'need-already-recorded', `need ${needId} is already recorded for household ${householdId}`);
  return [{ type: 'NeedRecorded', data: { ...command.data } }];
}

/**
 * A service may answer one need of this household, in that need's focus area (otherwise the focus-area
 * reports would count a need as met by a service aimed elsewhere). A met need can be answered again.
 */
export function deliverService(command: DeliverService, state: HouseholdState): HouseholdEvent[] {
  const { householdId, serviceId, needId, departmentCode, serviceTypeCode, focusArea, deliveredAt } = command.data;
  const household = requireEnrolled(state, householdId);
  rule(!Object.hasOwn(household.services, serviceId), 'service-already-delivered', `service ${serviceId} is already recorded`);
  const data: ServiceDelivered['data'] = { householdId, serviceId, departmentCode, serviceTypeCode, focusArea, deliveredAt };
  if (needId !== undefined) {
    // hasOwn, not a plain index: a need id such as "constructor" must not find Object.prototype.
    const need = Object.hasOwn(household.needs, needId) ? household.needs[needId] : undefined;
    rule(need !== undefined, 'need-not-of-household', `need ${needId} is not a need of household ${householdId}`);
    rule(need.focusArea === focusArea, 'focus-area-mismatch', `need ${needId} is under ${need.focusArea}, the service under ${focusArea}`);
    data.needId = needId;
  }
  return [{ type: 'ServiceDelivered', data }];
}

export function recordSatisfaction(command: RecordSatisfaction, state: HouseholdState): HouseholdEvent[] {
  const { householdId, serviceId, response } = command.data;
  const household = requireEnrolled(state, householdId);
  const service = Object.hasOwn(household.services, serviceId) ? household.services[serviceId] : undefined;
  if (service === undefined) {
    throw new DomainError('service-not-delivered', `service ${serviceId} was not delivered to household ${householdId}`, 'not-found');
  }
  rule(service.satisfaction === undefined, 'satisfaction-already-recorded', `satisfaction with service ${serviceId} is already recorded`);
  // A household rates what it received: a rating dated before the delivery would count in a period the service was not yet in.
  rule(
    Date.parse(command.metadata.occurredAt) >= Date.parse(service.deliveredAt),
    'service-not-delivered',
    `service ${serviceId} was delivered at ${service.deliveredAt}, after the rating's occurredAt ${command.metadata.occurredAt}`,
  );
  const { departmentCode, serviceTypeCode, focusArea } = service;
  return [{ type: 'SatisfactionRecorded', data: { householdId, serviceId, response, departmentCode, serviceTypeCode, focusArea } }];
}
