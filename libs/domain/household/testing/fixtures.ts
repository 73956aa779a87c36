/** Builders for household decider specs: valid by default, overridable field by field. */
import { CommandMetadata } from '../../shared';
import {
  CertifyHappyFamily,
  DeliverService,
  EnrollHousehold,
  RecategorizeHousehold,
  RecordNeed,
  RecordSatisfaction,
  RevokeCertification,
  WithdrawHousehold,
} from '../commands';
import { HouseholdEvent } from '../events';

export const HOUSEHOLD_ID = '0b7f6c1e-4a2d-4c1b-9e3f-2a1d5c6b7e80';
export const OTHER_HOUSEHOLD_ID = '5d2e8f90-1b3c-4d5e-8f70-9a1b2c3d4e5f';
export const NEED_ID = 'c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601';
export const SERVICE_ID = 'd1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f602';

export const meta: CommandMetadata = {
  commandId: '9f1e2d3c-4b5a-4968-8776-655443322110',
  actor: 'worker-0042',
  correlationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  occurredAt: '2013-04-02T03:00:00.000Z',
};

const data = <T>(defaults: T, overrides: Partial<T>): T => ({ ...defaults, ...overrides });

export const enrol = (o: Partial<EnrollHousehold['data']> = {}): EnrollHousehold => ({
  type: 'EnrollHousehold',
  metadata: meta,
  data: data(
    {
      householdId: HOUSEHOLD_ID,
      villageCode: '640104001001',
      category: 'developing',
      members: 4,
      head: { name: 'Ma Lan', idNumber: '640104198001010021', phone: '13900000000' },
      enrolmentYear: 2013,
      batch: 2,
    },
    o,
  ),
});

export const recategorize = (o: Partial<RecategorizeHousehold['data']> = {}): RecategorizeHousehold => ({
  type: 'RecategorizeHousehold',
  metadata: meta,
  data: data({ householdId: HOUSEHOLD_ID, to: 'stable', reason: 'income above the line' }, o),
});

export const withdraw = (o: Partial<WithdrawHousehold['data']> = {}): WithdrawHousehold => ({
  type: 'WithdrawHousehold',
  metadata: meta,
  data: data({ householdId: HOUSEHOLD_ID, reason: 'moved to another city' }, o),
});

export const recordNeed = (o: Partial<RecordNeed['data']> = {}): RecordNeed => ({
  type: 'RecordNeed',
  metadata: meta,
  data: data({ householdId: HOUSEHOLD_ID, needId: NEED_ID, focusArea: 'prosperity', kind: 'skills', description: 'greenhouse skills' }, o),
});

export const deliver = (o: Partial<DeliverService['data']> = {}): DeliverService => ({
  type: 'DeliverService',
  // Recorded an hour after the delivery: a delivery later than its command's time is refused.
  metadata: { ...meta, occurredAt: '2013-05-10T03:00:00.000Z' },
  data: data(
    {
      householdId: HOUSEHOLD_ID,
      serviceId: SERVICE_ID,
      needId: NEED_ID as string | undefined,
      departmentCode: 'agriculture',
      serviceTypeCode: 'training',
      focusArea: 'prosperity' as const,
      deliveredAt: '2013-05-10T02:00:00.000Z',
    },
    o,
  ),
});

export const rate = (o: Partial<RecordSatisfaction['data']> = {}): RecordSatisfaction => ({
  type: 'RecordSatisfaction',
  // Rated the day after the delivery above: a rating dated before its service's delivery is refused.
  metadata: { ...meta, occurredAt: '2013-05-11T03:00:00.000Z' },
  data: data({ householdId: HOUSEHOLD_ID, serviceId: SERVICE_ID, response: 'satisfied' as const }, o),
});

export const certify = (o: Partial<CertifyHappyFamily['data']> = {}): CertifyHappyFamily => ({
  type: 'CertifyHappyFamily',
  metadata: meta,
  data: data({ householdId: HOUSEHOLD_ID, criteriaVersion: 'criteria-2013', assessedBy: 'assessor-007' }, o),
});

export const revoke = (o: Partial<RevokeCertification['data']> = {}): RevokeCertification => ({
  type: 'RevokeCertification',
  metadata: meta,
  data: data({ householdId: HOUSEHOLD_ID, reason: 'criteria no longer met' }, o),
});

/** The events the default commands above decide, for use as history. */
export const enrolled = (o: Partial<EnrollHousehold['data']> = {}): HouseholdEvent => ({ type: 'HouseholdEnrolled', data: enrol(o).data });
export const needRecorded = (o: Partial<RecordNeed['data']> = {}): HouseholdEvent => ({ type: 'NeedRecorded', data: recordNeed(o).data });
export const withdrawn: HouseholdEvent = {
  type: 'HouseholdWithdrawn',
  data: { householdId: HOUSEHOLD_ID, reason: 'moved to another city' },
};
export const serviceDelivered = (o: Partial<DeliverService['data']> = {}): HouseholdEvent => {
  const { needId, ...rest } = deliver(o).data;
  return { type: 'ServiceDelivered', data: needId === undefined ? rest : { ...rest, needId } };
};
export const certified: HouseholdEvent = {
  type: 'HouseholdCertified',
  data: { householdId: HOUSEHOLD_ID, criteriaVersion: 'criteria-2013', assessedBy: 'assessor-007' },
};
