/** Support handed to households: granted, delivered, returned, reversed; and one grant read back with its ETag. */
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { supportDecider, SupportState, supportStream } from '@libs/domain/support';
import { AggregateController } from '../commands/aggregate-controller';
import { commandContext, written } from '../commands/command-context';
import { IdParams } from '../commands/shared/command.dto';
import { ApiCommand } from '../http/openapi';
import { SupportAnswer, SupportViewDto } from './answers.dto';
import { ActOnSupport, SupportRequest } from './support.commands';
import { GrantSupportDto, ReturnSupportDto, ReverseSupportDto, SupportQuantityDto } from './support.dto';

@ApiTags('support')
@ApiCommand()
@Controller('support')
export class SupportController extends AggregateController {
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Grant support to an enrolled household under a programme (cash in fen, goods in units)' })
  async grant(
    @Body() body: GrantSupportDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportAnswer> {
    const context = commandContext(request, this.clock, body.occurredAt);
    const supportId = body.supportId ?? context.newId('supportId');
    const { householdId, programmeCode, amountFen, units } = body;
    const command = {
      type: 'GrantSupport' as const,
      data: { supportId, householdId, programmeCode, amountFen, units },
      metadata: context.metadata,
    };
    const answer = await this.act(command, context.ifMatch, response);
    response.location(`/support/${supportId}`);
    return answer;
  }

  @Post(':id/deliveries')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record support delivered (If-Match): never more than was granted and not yet delivered' })
  async deliver(
    @Param() { id }: IdParams,
    @Body() { amountFen, units, occurredAt }: SupportQuantityDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, occurredAt);
    return this.act({ type: 'DeliverSupport', data: { supportId: id, amountFen, units }, metadata }, ifMatch, response);
  }

  @Post(':id/returns')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record support given back, with the reason (If-Match): never more than was delivered and kept' })
  async giveBack(
    @Param() { id }: IdParams,
    @Body() { amountFen, units, reason, occurredAt }: ReturnSupportDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, occurredAt);
    return this.act({ type: 'ReturnSupport', data: { supportId: id, amountFen, units, reason }, metadata }, ifMatch, response);
  }

  @Post(':id/reversal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Reverse a grant, once, with the reason (If-Match): it and what the household holds of it leave the figures' })
  async reverse(
    @Param() { id }: IdParams,
    @Body() { reason, occurredAt }: ReverseSupportDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, occurredAt);
    return this.act({ type: 'ReverseSupport', data: { supportId: id, reason }, metadata }, ifMatch, response);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One grant of support as it stands: granted, delivered, returned (ETag: its revision)' })
  async read(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<SupportViewDto> {
    const exists = (state: SupportState) => state.status !== 'NotGranted';
    const { state, revision } = await this.readBack(supportStream(id), supportDecider, response, exists);
    // The reason of a reversal may describe the family: it stays in the stream's history, for those who may read it.
    const { reversalReason: _reason, ...facts } = { reversalReason: undefined, ...state };
    return { ...facts, revision };
  }

  private async act(command: SupportRequest, ifMatch: bigint | undefined, response: Response): Promise<SupportAnswer> {
    const outcome = await this.commands.execute(new ActOnSupport(command, ifMatch));
    return { supportId: command.data.supportId, ...written(response, outcome) };
  }
}
