/**
 * Stateless checks of household commands against the reference data and the field rules. Failures are
 * DomainErrors of kind 'invalid' (HTTP 400) whose message names the bad value, e.g. `unknown-village`.
 * Run before the state rules, so a malformed command never reaches them.
 */
import { programmeYearOf } from '../../periods/programme-calendar';
import { ReferenceData } from '../../reference-data/reference-data';
import { DomainError, isResidentIdNumber, rule } from '../shared';
import { integerIn, isoUtc, oneOf, text } from './checks';
import { DeliverService, EnrollHousehold, HouseholdCommand } from './commands';
import { FOCUS_AREAS, HOUSEHOLD_CATEGORIES, NEED_KINDS, SATISFACTION_RESPONSES } from './events';

/**
 * The enrolment rules' one source (the HTTP body checks shape only). The campaign began enrolling in 2011;
 * years past 2035 and households of more than 30 are typos, not families.
 */
export const ENROLMENT_YEARS = { min: 2011, max: 2035 } as const;
export const MEMBERS = { min: 1, max: 30 } as const;
export const BATCHES = { min: 1, max: 99 } as const;

/** What an enrolment that names no year or batch gets: the programme-calendar (Asia/Shanghai) year it happened in, and the first batch. */
export function enrolmentDefaults(occurredAt: string): { enrolmentYear: number; batch: number } {
  return { enrolmentYear: programmeYearOf(occurredAt), batch: BATCHES.min };
}

export function validateHouseholdCommand(command: HouseholdCommand, reference: ReferenceData): void {
  text(command.data.householdId, 'invalid-household-id', 'householdId');
  switch (command.type) {
    case 'EnrollHousehold':
      return validateEnrolment(command, reference);
    case 'RecategorizeHousehold':
      oneOf(HOUSEHOLD_CATEGORIES, command.data.to, 'invalid-category', 'to');
      return text(command.data.reason, 'missing-reason', 'reason');
    case 'WithdrawHousehold':
      return text(command.data.reason, 'missing-reason', 'reason');
    case 'RecordNeed':
      text(command.data.needId, 'invalid-need-id', 'needId');
      oneOf(FOCUS_AREAS, command.data.focusArea, 'invalid-focus-area', 'focusArea');
      oneOf(NEED_KINDS, command.data.kind, 'invalid-need-kind', 'kind');
      return text(command.data.description, 'missing-description', 'description');
    case 'DeliverService':
      return validateDelivery(command, reference);
    case 'RecordSatisfaction':
      text(command.data.serviceId, 'invalid-service-id', 'serviceId');
      return oneOf(SATISFACTION_RESPONSES, command.data.response, 'invalid-response', 'response');
    case 'CertifyHappyFamily':
      text(command.data.criteriaVersion, 'missing-criteria-version', 'criteriaVersion');
      return text(command.data.assessedBy, 'missing-assessor', 'assessedBy');
    case 'RevokeCertification':
      return text(command.data.reason, 'missing-reason', 'reason');
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function validateEnrolment(command: EnrollHousehold, reference: ReferenceData): void {
  const { villageCode, category, members, head, enrolmentYear, batch } = command.data;
  if (reference.village(villageCode) === undefined) {
    throw new DomainError('unknown-village', `unknown village ${String(villageCode)}`, 'invalid');
  }
  oneOf(HOUSEHOLD_CATEGORIES, category, 'invalid-category', 'category');
  integerIn(members, MEMBERS.min, MEMBERS.max, 'invalid-members', 'members');
  // Personal data: the messages name the field only.
  rule(typeof head === 'object' && head !== null, 'invalid-head', 'head must be an object', 'invalid');
  text(head.name, 'invalid-head', 'head.name');
  for (const field of ['idNumber', 'phone'] as const) {
    if (head[field] !== undefined) text(head[field], 'invalid-head', `head.${field}`);
  }
  if (head.idNumber !== undefined)
    rule(isResidentIdNumber(head.idNumber), 'invalid-head', 'head.idNumber does not match its check character', 'invalid');
  integerIn(enrolmentYear, ENROLMENT_YEARS.min, ENROLMENT_YEARS.max, 'invalid-enrolment-year', 'enrolmentYear');
  integerIn(batch, BATCHES.min, BATCHES.max, 'invalid-batch', 'batch');
}

function validateDelivery(command: DeliverService, reference: ReferenceData): void {
  const { serviceId, needId, departmentCode, serviceTypeCode, focusArea, deliveredAt } = command.data;
  text(serviceId, 'invalid-service-id', 'serviceId');
  if (needId !== undefined) text(needId, 'invalid-need-id', 'needId');
  rule(reference.department(departmentCode) !== undefined, 'unknown-department', `unknown department ${String(departmentCode)}`, 'invalid');
  const type = reference.serviceType(serviceTypeCode);
  if (type === undefined) throw new DomainError('unknown-service-type', `unknown service type ${String(serviceTypeCode)}`, 'invalid');
  rule(
    type.departments.includes(departmentCode),
    'department-not-allowed',
    `department ${departmentCode} does not deliver ${type.code}`,
    'invalid',
  );
  oneOf(FOCUS_AREAS, focusArea, 'invalid-focus-area', 'focusArea');
  rule(
    type.focusAreas.includes(focusArea),
    'focus-area-not-allowed',
    `service type ${type.code} does not count towards ${focusArea}`,
    'invalid',
  );
  isoUtc(deliveredAt, 'invalid-delivered-at', 'deliveredAt');
  // A service is recorded once delivered, as an activity once held: a delivery later than the command's own
  // time has not happened yet, and would count in a period to come.
  rule(
    Date.parse(deliveredAt) <= Date.parse(command.metadata.occurredAt),
    'invalid-delivered-at',
    `deliveredAt ${deliveredAt} is later than the command's occurredAt ${command.metadata.occurredAt}: a service is recorded once delivered`,
    'invalid',
  );
}
