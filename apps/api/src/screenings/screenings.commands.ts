/** The screening command and its thin handler: the reference check, then the shared load-decide-append. */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand } from '@libs/command-handling/handle-command';
import {
  ScreeningCommand,
  screeningDecider,
  ScreeningEvent,
  ScreeningState,
  screeningStream,
  validateScreeningReferences,
} from '@libs/domain/screening';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';

export type ScreeningOutcome = CommandOutcome<ScreeningState, ScreeningEvent>;

export class ActOnScreening extends Command<ScreeningOutcome> {
  constructor(
    readonly command: ScreeningCommand,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ActOnScreening)
export class ActOnScreeningHandler implements ICommandHandler<ActOnScreening, ScreeningOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, ifMatch }: ActOnScreening): Promise<ScreeningOutcome> {
    validateScreeningReferences(command, referenceData);
    return handleCommand(this.store, screeningStream(command.data.screeningId), screeningDecider, command, { ifMatch });
  }
}
