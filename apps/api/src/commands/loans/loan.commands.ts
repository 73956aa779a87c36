/**
 * The loan's one @nestjs/cqrs message and its handler: the same load-decide-append on `loan-<id>`, typed
 * by Command<LoanOutcome>. Granting also reads the borrowing household's stream for its status (the
 * decider's `context`).
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand, loadStream } from '@libs/command-handling/handle-command';
import { householdDecider, householdStream } from '@libs/domain/household';
import {
  GrantLoan,
  LoanCommand,
  loanDecider,
  LoanEvent,
  LoanState,
  loanStream,
  MarkLoanDefaulted,
  RecordRepayment,
} from '@libs/domain/loan';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export type LoanOutcome = CommandOutcome<LoanState, LoanEvent>;

/** A grant comes without `context`: the handler fills it in from the household's stream. */
export type LoanRequest = Omit<GrantLoan, 'context'> | RecordRepayment | MarkLoanDefaulted;

export class ActOnLoan extends Command<LoanOutcome> {
  constructor(
    readonly command: LoanRequest,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/**
 * The household is read, not locked: a withdrawal racing a grant may land just after it. Loans granted to
 * a household that then withdraws stay valid and are repaid as agreed, so nothing needs a cross-stream lock.
 */
@CommandHandler(ActOnLoan)
export class ActOnLoanHandler implements ICommandHandler<ActOnLoan, LoanOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, ifMatch }: ActOnLoan): Promise<LoanOutcome> {
    const full: LoanCommand = command.type === 'GrantLoan' ? await this.withHousehold(command) : command;
    // A grant opens the loan's stream (the decider's `startedBy`): decided without reading it.
    return handleCommand(this.store, loanStream(command.data.loanId), loanDecider, full, { ifMatch });
  }

  private async withHousehold(command: Omit<GrantLoan, 'context'>): Promise<GrantLoan> {
    const household = await loadStream(this.store, householdStream(command.data.householdId), householdDecider);
    return { ...command, context: { householdStatus: household.state.status } };
  }
}
