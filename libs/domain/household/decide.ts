/** The household decider: one small decision per command under one exhaustive switch. */
import { HouseholdCommand } from './commands';
import { certify, revokeCertification } from './decide-certification';
import { enroll, recategorize, withdraw } from './decide-membership';
import { deliverService, recordNeed, recordSatisfaction } from './decide-services';
import { HouseholdEvent } from './events';
import { HouseholdState } from './state';

/** State rules only; reference data and field checks are in ./validate.ts, run first by the Decider in ./index.ts. */
export function decideHousehold(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'EnrollHousehold':
      return enroll(command, state);
    case 'RecategorizeHousehold':
      return recategorize(command, state);
    case 'WithdrawHousehold':
      return withdraw(command, state);
    case 'RecordNeed':
      return recordNeed(command, state);
    case 'DeliverService':
      return deliverService(command, state);
    case 'RecordSatisfaction':
      return recordSatisfaction(command, state);
    case 'CertifyHappyFamily':
      return certify(command, state);
    case 'RevokeCertification':
      return revokeCertification(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
