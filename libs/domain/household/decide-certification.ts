/** The "Happy Family" title: awarded to an enrolled household, held once at a time, revocable. */
import { rule } from '../shared';
import { CertifyHappyFamily, RevokeCertification } from './commands';
import { HouseholdEvent } from './events';
import { requireEnrolled } from './guards';
import { HouseholdState } from './state';

export function certify(command: CertifyHappyFamily, state: HouseholdState): HouseholdEvent[] {
  const { householdId, criteriaVersion, assessedBy } = command.data;
  const household = requireEnrolled(state, householdId);
  rule(household.certification.status === 'Uncertified', 'household-already-certified', `household ${householdId} is already certified`);
  return [{ type: 'HouseholdCertified', data: { householdId, criteriaVersion, assessedBy } }];
}

/** After a revocation the household may be certified again, against whichever criteria then apply. */
export function revokeCertification(command: RevokeCertification, state: HouseholdState): HouseholdEvent[] {
  const { householdId, reason } = command.data;
  const { certification } = requireEnrolled(state, householdId);
  rule(certification.status === 'Certified', 'household-not-certified', `household ${householdId} holds no certification to revoke`);
  return [{ type: 'CertificationRevoked', data: { householdId, criteriaVersion: certification.criteriaVersion, reason } }];
}
