/** Commands on loans. Each endpoint maps its body to one domain command; the rules live in the decider. */
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { outstandingFen } from '@libs/domain/loan';
import { ApiCommand } from '../../http/openapi';
import { commandContext, written } from '../command-context';
import { IdParams } from '../shared/command.dto';
import { GrantLoanDto, MarkLoanDefaultedDto, RecordRepaymentDto } from './loan-commands.dto';
import { ActOnLoan, LoanOutcome } from './loan.commands';
import { LoanAnswer } from '../shared/answers.dto';

@ApiTags('loans')
@ApiCommand()
@Controller('loans')
export class LoansController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Grants a subsidised micro-loan to an enrolled household, within the programme's cap. */
  @Post()
  @HttpCode(201)
  async grant(@Body() body: GrantLoanDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoanAnswer> {
    const context = commandContext(request, this.clock, body.occurredAt);
    const loanId = body.loanId ?? context.newId('loanId');
    const { householdId, borrowerGroup, programmeCode, principalFen, interestSubsidyBps, termMonths, lender, partners } = body;
    const data = {
      loanId,
      householdId,
      borrowerGroup,
      programmeCode,
      principalFen,
      interestSubsidyBps,
      termMonths,
      lender,
      ...(partners === undefined ? {} : { partners }),
    };
    const command = { type: 'GrantLoan' as const, data, metadata: context.metadata };
    const outcome = await this.commands.execute(new ActOnLoan(command, context.ifMatch));
    response.location(`/loans/${loanId}`);
    return { loanId, ...written(response, outcome) };
  }

  /** Records a repayment (never more than is outstanding); answers the balance after it. */
  @Post(':id/repayments')
  @HttpCode(201)
  async recordRepayment(
    @Param() { id }: IdParams,
    @Body() body: RecordRepaymentDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoanAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const command = { type: 'RecordRepayment' as const, data: { loanId: id, amountFen: body.amountFen }, metadata };
    const outcome = await this.commands.execute(new ActOnLoan(command, ifMatch));
    return { loanId: id, ...written(response, outcome), ...balance(outcome) };
  }

  /** Marks the loan defaulted, with the reason; repayments can still be recorded. */
  @Post(':id/default')
  @HttpCode(200)
  async markDefaulted(
    @Param() { id }: IdParams,
    @Body() body: MarkLoanDefaultedDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoanAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const command = { type: 'MarkLoanDefaulted' as const, data: { loanId: id, reason: body.reason }, metadata };
    const outcome = await this.commands.execute(new ActOnLoan(command, ifMatch));
    return { loanId: id, ...written(response, outcome) };
  }
}

/** Status and outstanding amount after a repayment, so the field worker sees at once when a loan closes. */
function balance({ state }: LoanOutcome): { status: string; outstandingFen?: number } {
  return state.status === 'NotGranted' ? { status: state.status } : { status: state.status, outstandingFen: outstandingFen(state) };
}
