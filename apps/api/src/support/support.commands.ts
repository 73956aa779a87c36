/**
 * The support aggregate's one @nestjs/cqrs message and its handler: load-decide-append on `support-<id>`.
 * Granting also reads the household's stream for its status and category (the decider's `context`).
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand, loadStream } from '@libs/command-handling/handle-command';
import { householdDecider, householdStream } from '@libs/domain/household';
import {
  DeliverSupport,
  GrantSupport,
  ReturnSupport,
  ReverseSupport,
  SupportCommand,
  supportDecider,
  SupportEvent,
  SupportState,
  supportStream,
} from '@libs/domain/support';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export type SupportOutcome = CommandOutcome<SupportState, SupportEvent>;

/** A grant comes without `context`: the handler fills it in from the household's stream. */
export type SupportRequest = Omit<GrantSupport, 'context'> | DeliverSupport | ReturnSupport | ReverseSupport;

export class ActOnSupport extends Command<SupportOutcome> {
  constructor(
    readonly command: SupportRequest,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/**
 * The household is read, not locked (as for loans): support granted just before a withdrawal stands and
 * is delivered as granted, so nothing needs a cross-stream lock.
 */
@CommandHandler(ActOnSupport)
export class ActOnSupportHandler implements ICommandHandler<ActOnSupport, SupportOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, ifMatch }: ActOnSupport): Promise<SupportOutcome> {
    const full: SupportCommand = command.type === 'GrantSupport' ? await this.withHousehold(command) : command;
    return handleCommand(this.store, supportStream(command.data.supportId), supportDecider, full, { ifMatch });
  }

  private async withHousehold(command: Omit<GrantSupport, 'context'>): Promise<GrantSupport> {
    const { state } = await loadStream(this.store, householdStream(command.data.householdId), householdDecider);
    const context =
      state.status === 'NotEnrolled'
        ? { householdStatus: state.status }
        : { householdStatus: state.status, householdCategory: state.category };
    return { ...command, context };
  }
}
