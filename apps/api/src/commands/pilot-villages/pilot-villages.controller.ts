/**
 * Pilot villages, designated rather than assumed: a township designates a village (who decided, why) and may
 * withdraw the designation. Refusals (unknown village, already a pilot, not a pilot) append nothing.
 */
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { pilotVillageDecider, pilotVillageStream } from '@libs/domain/pilot-village';
import { ProblemException } from '../../http/problem';
import { AggregateController } from '../aggregate-controller';
import { commandContext, written } from '../command-context';
import { ActOnPilotVillage } from './pilot-village.commands';
import { DesignatePilotVillageDto, WithdrawPilotVillageDto } from './pilot-villages.dto';
import { PilotVillageView, PilotVillageWritten } from './answers.dto';

@ApiTags('pilot-villages')
@Controller('pilot-villages')
export class PilotVillagesController extends AggregateController {
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Designate a pilot village, with who decided and why' })
  async designate(
    @Body() body: DesignatePilotVillageDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PilotVillageWritten> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const { villageCode, designatedBy, reason } = body;
    const outcome = await this.commands.execute(
      new ActOnPilotVillage({ type: 'DesignatePilotVillage', data: { villageCode, designatedBy, reason }, metadata }, ifMatch),
    );
    return { villageCode, status: 'Pilot' as const, ...written(response, outcome) };
  }

  @Post('withdrawals')
  @HttpCode(201)
  @ApiOperation({ summary: "Withdraw a village's pilot designation, with who and why" })
  async withdraw(
    @Body() body: WithdrawPilotVillageDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PilotVillageWritten> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const { villageCode, withdrawnBy, reason } = body;
    const outcome = await this.commands.execute(
      new ActOnPilotVillage({ type: 'WithdrawPilotVillageDesignation', data: { villageCode, withdrawnBy, reason }, metadata }, ifMatch),
    );
    return { villageCode, status: 'NotPilot' as const, ...written(response, outcome) };
  }

  @Get(':code')
  @ApiOperation({ summary: "A village's pilot designation now (ETag: its revision)" })
  async read(@Param('code') code: string, @Res({ passthrough: true }) response: Response): Promise<PilotVillageView> {
    if (!/^\d{12}$/.test(code)) throw ProblemException.of(400, 'invalid-village', `"${code.slice(0, 20)}" is not a 12-digit village code`);
    const { state, revision } = await this.readBack(pilotVillageStream(code), pilotVillageDecider, response);
    return { villageCode: code, revision, status: state.status, designations: state.designations };
  }
}
