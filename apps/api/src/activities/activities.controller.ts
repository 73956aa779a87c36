/** Group activities: recorded, corrected, cancelled (each with who and why), and read back with an ETag. */
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { activityDecider, activityStream } from '@libs/domain/activity';
import { AggregateController } from '../commands/aggregate-controller';
import { commandContext, written } from '../commands/command-context';
import { IdParams } from '../commands/shared/command.dto';
import { ActOnActivity } from './activities.commands';
import { CorrectActivityDto, HoldActivityDto } from './activity.dto';
import { ReasonDto } from '../commands/shared/command.dto';
import { ActivityAnswer, ActivityView } from './answers.dto';

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController extends AggregateController {
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a group activity held (training, lecture, outreach, three-checks round, meeting, volunteer day)' })
  async hold(
    @Body() body: HoldActivityDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityAnswer> {
    const { metadata, ifMatch, newId } = commandContext(request, this.clock, body.occurredAt);
    const { activityId = newId('activityId'), occurredAt: _occurredAt, materials, ...facts } = body;
    const data = { ...facts, activityId, materials: { ...materials } };
    const outcome = await this.commands.execute(new ActOnActivity({ type: 'HoldActivity', data, metadata }, ifMatch));
    return { activityId, ...written(response, outcome) };
  }

  @Post(':id/correction')
  @HttpCode(201)
  @ApiOperation({ summary: 'Correct a recorded activity (If-Match for the revision corrected); before and after are kept' })
  async correct(
    @Param() { id }: IdParams,
    @Body() body: CorrectActivityDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const { reason, occurredAt: _occurredAt, materials, ...changes } = body;
    const data = { activityId: id, reason, changes: { ...changes, ...(materials && { materials: { ...materials } }) } };
    return {
      activityId: id,
      ...written(response, await this.commands.execute(new ActOnActivity({ type: 'CorrectActivity', data, metadata }, ifMatch))),
    };
  }

  @Post(':id/cancellation')
  @HttpCode(201)
  @ApiOperation({ summary: 'Cancel a recorded activity, with the reason' })
  async cancel(
    @Param() { id }: IdParams,
    @Body() body: ReasonDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const command = { type: 'CancelActivity' as const, data: { activityId: id, reason: body.reason }, metadata };
    return { activityId: id, ...written(response, await this.commands.execute(new ActOnActivity(command, ifMatch))) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One activity as recorded now (ETag: its revision)' })
  async read(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<ActivityView> {
    const { state, revision } = await this.readBack(activityStream(id), activityDecider, response, (s) => s.status !== 'NotHeld');
    return { activityId: id, revision, state };
  }
}
