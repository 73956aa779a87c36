import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, CommandOutcome } from '@libs/command-handling/handle-command';
import { EnrollHousehold, householdDecider, HouseholdEvent, HouseholdState, householdStream } from '@libs/domain/household';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export class EnrollHouseholdCommand {
  constructor(readonly command: EnrollHousehold) {}
}

@CommandHandler(EnrollHouseholdCommand)
export class EnrollHouseholdHandler implements ICommandHandler<EnrollHouseholdCommand, CommandOutcome<HouseholdState, HouseholdEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command }: EnrollHouseholdCommand): Promise<CommandOutcome<HouseholdState, HouseholdEvent>> {
    return handleCommand(this.store, householdStream(command.data.householdId), householdDecider, command);
  }
}
