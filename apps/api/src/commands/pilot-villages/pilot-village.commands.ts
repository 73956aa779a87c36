/** The pilot village's one @nestjs/cqrs message and its handler: the shared load-decide-append on `pilotvillage-<code>`. */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand } from '@libs/command-handling/handle-command';
import {
  PilotVillageCommand,
  pilotVillageDecider,
  PilotVillageEvent,
  PilotVillageState,
  pilotVillageStream,
} from '@libs/domain/pilot-village';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export type PilotVillageOutcome = CommandOutcome<PilotVillageState, PilotVillageEvent>;

export class ActOnPilotVillage extends Command<PilotVillageOutcome> {
  constructor(
    readonly command: PilotVillageCommand,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ActOnPilotVillage)
export class ActOnPilotVillageHandler implements ICommandHandler<ActOnPilotVillage, PilotVillageOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, ifMatch }: ActOnPilotVillage): Promise<PilotVillageOutcome> {
    return handleCommand(this.store, pilotVillageStream(command.data.villageCode), pilotVillageDecider, command, { ifMatch });
  }
}
