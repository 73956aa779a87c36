/**
 * The loan's @nestjs/cqrs commands and their handlers: the same load-decide-append on `loan-<id>`.
 * Granting also reads the borrowing household's stream for its status (the decider's `context`).
 */
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, handleCommand, loadStream } from '@libs/command-handling/handle-command';
import { householdDecider, householdStream } from '@libs/domain/household';
import { GrantLoan, LoanCommand, loanDecider, LoanEvent, LoanState, loanStream, MarkLoanDefaulted, RecordRepayment } from '@libs/domain/loan';
import { EVENT_STORE, EventStore } from '@libs/event-store';

export type LoanOutcome = CommandOutcome<LoanState, LoanEvent>;

abstract class LoanMessage<C> {
  constructor(readonly command: C, readonly ifMatch?: bigint) {}
}

/** Without `context`: the handler fills it in from the household's stream. */
export class GrantLoanCommand extends LoanMessage<Omit<GrantLoan, 'context'>> {}
export class RecordRepaymentCommand extends LoanMessage<RecordRepayment> {}
export class MarkLoanDefaultedCommand extends LoanMessage<MarkLoanDefaulted> {}

abstract class LoanHandler<M extends LoanMessage<LoanCommand>> {
  constructor(@Inject(EVENT_STORE) protected readonly store: EventStore) {}

  execute({ command, ifMatch }: M): Promise<LoanOutcome> {
    return handleCommand(this.store, loanStream(command.data.loanId), loanDecider, command, { ifMatch });
  }
}

/**
 * The household is read, not locked: a withdrawal racing a grant may land just after it. Loans granted to
 * a household that then withdraws stay valid and are repaid as agreed, so nothing needs a cross-stream lock.
 */
@CommandHandler(GrantLoanCommand)
export class GrantLoanHandler implements ICommandHandler<GrantLoanCommand, LoanOutcome> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, ifMatch }: GrantLoanCommand): Promise<LoanOutcome> {
    const household = await loadStream(this.store, householdStream(command.data.householdId), householdDecider);
    const grant: GrantLoan = { ...command, context: { householdStatus: household.state.status } };
    return handleCommand(this.store, loanStream(command.data.loanId), loanDecider, grant, { ifMatch });
  }
}

@CommandHandler(RecordRepaymentCommand)
export class RecordRepaymentHandler extends LoanHandler<RecordRepaymentCommand> {}

@CommandHandler(MarkLoanDefaultedCommand)
export class MarkLoanDefaultedHandler extends LoanHandler<MarkLoanDefaultedCommand> {}

export const loanCommandHandlers = [GrantLoanHandler, RecordRepaymentHandler, MarkLoanDefaultedHandler];
