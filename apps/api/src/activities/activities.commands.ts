/** The group-activity command and its thin handler: the reference check, then the shared load-decide-append. */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand } from '@libs/command-handling/handle-command';
import {
  ActivityCommand,
  activityDecider,
  ActivityEvent,
  ActivityState,
  activityStream,
  validateActivityReferences,
} from '@libs/domain/activity';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';

export type ActivityOutcome = CommandOutcome<ActivityState, ActivityEvent>;

export class ActOnActivity extends Command<ActivityOutcome> {
  constructor(
    readonly command: ActivityCommand,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ActOnActivity)
export class ActOnActivityHandler implements ICommandHandler<ActOnActivity, ActivityOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, ifMatch }: ActOnActivity): Promise<ActivityOutcome> {
    validateActivityReferences(
      command.type === 'HoldActivity' ? command.data : command.type === 'CorrectActivity' ? command.data.changes : {},
      referenceData,
    );
    return handleCommand(this.store, activityStream(command.data.activityId), activityDecider, command, { ifMatch });
  }
}
