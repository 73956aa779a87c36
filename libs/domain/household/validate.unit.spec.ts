import { referenceData } from '../../reference-data';
import { DomainError } from '../shared';
import { HouseholdCommand } from './commands';
import { householdDecider } from './index';
import { HouseholdEvent } from './events';
import {
  certify,
  deliver,
  enrol,
  enrolled,
  needRecorded,
  rate,
  recategorize,
  recordNeed,
  revoke,
  serviceDelivered,
  withdraw,
} from './testing/fixtures';

const history: HouseholdEvent[] = [enrolled(), needRecorded(), serviceDelivered()];
const state = history.reduce(householdDecider.evolve, householdDecider.initialState);

function rejection(command: HouseholdCommand): DomainError {
  try {
    householdDecider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${command.type} to be rejected`);
}

describe('reference data checks', () => {
  it.each<[string, HouseholdCommand, string, string]>([
    ['an unknown village', enrol({ villageCode: '640104099099' }), 'unknown-village', '640104099099'],
    ['a township code where a village belongs', enrol({ villageCode: '640104001' }), 'unknown-village', '640104001'],
    ['an unknown department', deliver({ departmentCode: 'ministry-of-magic' }), 'unknown-department', 'ministry-of-magic'],
    ['an unknown service type', deliver({ serviceTypeCode: 'levitation' }), 'unknown-service-type', 'levitation'],
    ['a department that does not deliver the service type', deliver({ departmentCode: 'sports' }), 'department-not-allowed', 'sports'],
    [
      'a focus area the service type does not count towards',
      deliver({ needId: undefined, focusArea: 'civility' }),
      'focus-area-not-allowed',
      'civility',
    ],
  ])('rejects %s as invalid, naming the bad value', (_, command, code, value) => {
    const error = rejection(command);
    expect({ code: error.code, kind: error.kind }).toEqual({ code, kind: 'invalid' });
    expect(error.message).toContain(value);
  });

  it('accepts every service type from each department allowed to deliver it, in each of its focus areas', () => {
    for (const type of referenceData.allServiceTypes()) {
      for (const departmentCode of type.departments) {
        for (const focusArea of type.focusAreas) {
          const command = deliver({
            needId: undefined,
            departmentCode,
            serviceTypeCode: type.code,
            focusArea: focusArea as never,
            serviceId: 'fresh',
          });
          expect(householdDecider.decide(command, state)).toHaveLength(1);
        }
      }
    }
  });
});

describe('field checks', () => {
  it.each<[string, HouseholdCommand, string]>([
    ['an unknown category', enrol({ category: 'wealthy' as never }), 'invalid-category'],
    ['no members', enrol({ members: 0 }), 'invalid-members'],
    ['a fractional member count', enrol({ members: 2.5 }), 'invalid-members'],
    ['a head of household without a name', enrol({ head: { name: '  ' } }), 'invalid-head'],
    ['a head of household that is no object', enrol({ head: null as never }), 'invalid-head'],
    ['an empty phone number', enrol({ head: { name: 'Ma Lan', phone: '' } }), 'invalid-head'],
    [
      'a resident ID number whose check character does not fit',
      enrol({ head: { name: 'Ma Lan', idNumber: '640104198001010113' } }),
      'invalid-head',
    ],
    ['an enrolment year out of range', enrol({ enrolmentYear: 1899 }), 'invalid-enrolment-year'],
    ['batch zero', enrol({ batch: 0 }), 'invalid-batch'],
    ['an empty household id', withdraw({ householdId: '' }), 'invalid-household-id'],
    ['a recategorization into an unknown category', recategorize({ to: 'rich' as never }), 'invalid-category'],
    ['a recategorization without a reason', recategorize({ reason: '' }), 'missing-reason'],
    ['a withdrawal without a reason', withdraw({ reason: ' ' }), 'missing-reason'],
    ['a need under an unknown focus area', recordNeed({ focusArea: 'wealth' as never }), 'invalid-focus-area'],
    ['a need without an id', recordNeed({ needId: '' }), 'invalid-need-id'],
    ['a need of an unknown kind', recordNeed({ kind: 'money' as never }), 'invalid-need-kind'],
    ['a need without a description', recordNeed({ description: '' }), 'missing-description'],
    ['a service under an unknown focus area', deliver({ focusArea: 'wealth' as never }), 'invalid-focus-area'],
    ['a delivery time that is not UTC', deliver({ deliveredAt: '2013-05-10T10:00:00+08:00' }), 'invalid-delivered-at'],
    ['a delivery time that is no date at all', deliver({ deliveredAt: '2013-02-30T10:00:00Z' }), 'invalid-delivered-at'],
    ['a delivery later than the command that records it', deliver({ deliveredAt: '2013-05-10T03:00:00.001Z' }), 'invalid-delivered-at'],
    ['an empty service id', deliver({ serviceId: '' }), 'invalid-service-id'],
    ['a service naming an empty need id', deliver({ needId: '' }), 'invalid-need-id'],
    ['a rating without a service id', rate({ serviceId: '' }), 'invalid-service-id'],
    ['an unknown satisfaction response', rate({ response: 'thrilled' as never }), 'invalid-response'],
    ['a certification without criteria version', certify({ criteriaVersion: '' }), 'missing-criteria-version'],
    ['a certification without assessor', certify({ assessedBy: '' }), 'missing-assessor'],
    ['a revocation without a reason', revoke({ reason: '' }), 'missing-reason'],
  ])('rejects %s as invalid', (_, command, code) => {
    expect(rejection(command)).toMatchObject({ code, kind: 'invalid' });
  });

  it('never repeats personal data of the head of household in a rejection', () => {
    const error = rejection(enrol({ head: { name: 'Ma Lan', idNumber: '', phone: '13900000000' } }));
    expect(error.code).toBe('invalid-head');
    expect(error.message).not.toMatch(/Ma Lan|13900000000/);
  });

  it('checks the reference data before the state rules, so an invalid command is invalid even for a withdrawn household', () => {
    const withdrawn = householdDecider.evolve(state, {
      type: 'HouseholdWithdrawn',
      data: { householdId: state.status === 'Enrolled' ? state.householdId : '', reason: 'x' },
    });
    expect(() => householdDecider.decide(deliver({ departmentCode: 'nobody' }), withdrawn)).toThrow(
      expect.objectContaining({ code: 'unknown-department' }),
    );
  });
});
