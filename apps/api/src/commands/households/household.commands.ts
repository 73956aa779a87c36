/**
 * The household's one @nestjs/cqrs message and its handler, as for every aggregate: the message carries
 * the domain command and, through Command<Outcome>, the type of what `commandBus.execute` answers. The
 * handler is the shared load-decide-append on `household-<id>` (libs/command-handling).
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand } from '@libs/command-handling/handle-command';
import { HouseholdCommand, householdDecider, HouseholdEvent, HouseholdState, householdStream } from '@libs/domain/household';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export type HouseholdOutcome = CommandOutcome<HouseholdState, HouseholdEvent>;

export class ActOnHousehold extends Command<HouseholdOutcome> {
  constructor(
    readonly command: HouseholdCommand,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ActOnHousehold)
export class ActOnHouseholdHandler implements ICommandHandler<ActOnHousehold, HouseholdOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, ifMatch }: ActOnHousehold): Promise<HouseholdOutcome> {
    const stream = householdStream(command.data.householdId);
    // An enrolment starts the household's stream (the decider's `startedBy`): decided without reading it.
    return handleCommand(this.store, stream, householdDecider, command, { ifMatch });
  }
}
