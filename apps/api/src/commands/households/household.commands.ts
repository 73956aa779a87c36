/**
 * The household's @nestjs/cqrs commands and their handlers. Every handler is the same load-decide-append
 * on `household-<id>` (libs/command-handling), upcasting old events as they are read; the classes exist
 * so the CommandBus can route each command to its own handler.
 */
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand } from '@libs/command-handling/handle-command';
import {
  CertifyHappyFamily, DeliverService, EnrollHousehold, HouseholdCommand, householdDecider, HouseholdEvent, HouseholdState,
  householdStream, RecategorizeHousehold, RecordNeed, RecordSatisfaction, RevokeCertification, WithdrawHousehold,
} from '@libs/domain/household';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export type HouseholdOutcome = CommandOutcome<HouseholdState, HouseholdEvent>;

abstract class HouseholdMessage<C extends HouseholdCommand> {
  constructor(readonly command: C, readonly ifMatch?: bigint) {}
}

export class EnrollHouseholdCommand extends HouseholdMessage<EnrollHousehold> {}
export class RecategorizeHouseholdCommand extends HouseholdMessage<RecategorizeHousehold> {}
export class WithdrawHouseholdCommand extends HouseholdMessage<WithdrawHousehold> {}
export class RecordNeedCommand extends HouseholdMessage<RecordNeed> {}
export class DeliverServiceCommand extends HouseholdMessage<DeliverService> {}
export class RecordSatisfactionCommand extends HouseholdMessage<RecordSatisfaction> {}
export class CertifyHappyFamilyCommand extends HouseholdMessage<CertifyHappyFamily> {}
export class RevokeCertificationCommand extends HouseholdMessage<RevokeCertification> {}

abstract class HouseholdHandler<M extends HouseholdMessage<HouseholdCommand>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, ifMatch }: M): Promise<HouseholdOutcome> {
    const stream = householdStream(command.data.householdId);
    return handleCommand(this.store, stream, householdDecider, command, { ifMatch });
  }
}

@CommandHandler(EnrollHouseholdCommand)
export class EnrollHouseholdHandler extends HouseholdHandler<EnrollHouseholdCommand> {}

@CommandHandler(RecategorizeHouseholdCommand)
export class RecategorizeHouseholdHandler extends HouseholdHandler<RecategorizeHouseholdCommand> {}

@CommandHandler(WithdrawHouseholdCommand)
export class WithdrawHouseholdHandler extends HouseholdHandler<WithdrawHouseholdCommand> {}

@CommandHandler(RecordNeedCommand)
export class RecordNeedHandler extends HouseholdHandler<RecordNeedCommand> {}

@CommandHandler(DeliverServiceCommand)
export class DeliverServiceHandler extends HouseholdHandler<DeliverServiceCommand> {}

@CommandHandler(RecordSatisfactionCommand)
export class RecordSatisfactionHandler extends HouseholdHandler<RecordSatisfactionCommand> {}

@CommandHandler(CertifyHappyFamilyCommand)
export class CertifyHappyFamilyHandler extends HouseholdHandler<CertifyHappyFamilyCommand> {}

@CommandHandler(RevokeCertificationCommand)
export class RevokeCertificationHandler extends HouseholdHandler<RevokeCertificationCommand> {}

export const householdCommandHandlers = [
  EnrollHouseholdHandler, RecategorizeHouseholdHandler, WithdrawHouseholdHandler, RecordNeedHandler, DeliverServiceHandler,
  RecordSatisfactionHandler, CertifyHappyFamilyHandler, RevokeCertificationHandler,
];
