/** The steps of one record's screening chain, each appended to its stream (If-Match for the revision seen). */
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { ScreeningStepCommand } from '@libs/domain/screening';
import { commandContext, written } from '../commands/command-context';
import { IdParams } from '../commands/shared/command.dto';
import { ActOnScreening } from './screenings.commands';
import { GeneticCounsellingDto, HighRiskFindingDto, ScreeningOutcomeDto, ScreeningResultDto, ScreeningStepDto } from './screening.dto';
import { ScreeningAnswer } from './answers.dto';

type StepData<T extends ScreeningStepCommand['type']> = Omit<Extract<ScreeningStepCommand, { type: T }>['data'], 'screeningId'>;

@ApiTags('screenings')
@Controller('screenings/:id')
export class ScreeningStepsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('pre-pregnancy-check')
  @HttpCode(201)
  @ApiOperation({ summary: "Record a couple's free pre-pregnancy check, with its result" })
  preconception(
    @Param() { id }: IdParams,
    @Body() body: ScreeningResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.step(id, 'RecordPrePregnancyCheck', { on: body.on, result: body.result }, body, req, res);
  }

  @Post('five-item-tests')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a five-item test, with its result' })
  fiveItem(@Param() { id }: IdParams, @Body() body: ScreeningResultDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.step(id, 'RecordFiveItemTest', { on: body.on, result: body.result }, body, req, res);
  }

  @Post('two-item-screenings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a two-item screening, with its result' })
  twoItem(@Param() { id }: IdParams, @Body() body: ScreeningResultDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.step(id, 'RecordTwoItemScreening', { on: body.on, result: body.result }, body, req, res);
  }

  @Post('high-risk-finding')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a high-risk finding (once per record)' })
  highRisk(@Param() { id }: IdParams, @Body() body: HighRiskFindingDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.step(id, 'RecordHighRiskFinding', { on: body.on, finding: body.finding }, body, req, res);
  }

  @Post('counselling-offer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record genetic counselling offered (needs a high-risk finding)' })
  offer(@Param() { id }: IdParams, @Body() body: ScreeningStepDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.step(id, 'OfferGeneticCounselling', { on: body.on }, body, req, res);
  }

  @Post('counselling')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record genetic counselling taken (needs a high-risk finding and an offer)' })
  counselled(
    @Param() { id }: IdParams,
    @Body() body: GeneticCounsellingDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.step(id, 'RecordGeneticCounselling', { on: body.on, advice: body.advice }, body, req, res);
  }

  @Post('outcome')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the outcome; the chain takes no step after it' })
  outcome(@Param() { id }: IdParams, @Body() body: ScreeningOutcomeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.step(id, 'RecordScreeningOutcome', { on: body.on, outcome: body.outcome }, body, req, res);
  }

  private async step<T extends ScreeningStepCommand['type']>(
    screeningId: string,
    type: T,
    data: StepData<T>,
    body: ScreeningStepDto,
    request: Request,
    response: Response,
  ): Promise<ScreeningAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const command = { type, data: { screeningId, ...data }, metadata } as ScreeningStepCommand;
    return { screeningId, ...written(response, await this.commands.execute(new ActOnScreening(command, ifMatch))) };
  }
}
