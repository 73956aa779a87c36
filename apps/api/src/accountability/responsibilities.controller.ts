/** Responsibilities: the decomposition of the programme's work to named officials (by id), and reading one back. */
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../http/openapi';
import { Request, Response } from 'express';
import { responsibilityDecider, responsibilityStream } from '@libs/domain/responsibility';
import { AggregateController } from '../commands/aggregate-controller';
import { commandContext, written } from '../commands/command-context';
import { IdParams } from '../commands/shared/command.dto';
import { newId } from '../http/request-context';
import { ActOnResponsibility } from './accountability.commands';
import { AssignResponsibilityDto } from './supervision.dto';
import { ResponsibilityAnswer, ResponsibilityView } from './answers.dto';

@ApiTags('responsibilities')
@Controller('responsibilities')
export class ResponsibilitiesController extends AggregateController {
  /** Assigns a task to a named official, with an indicator target due by a period. */
  @Post()
  @ApiCommand()
  @HttpCode(201)
  async assign(
    @Body() body: AssignResponsibilityDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResponsibilityAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const responsibilityId = body.responsibilityId ?? newId(request, 'responsibilityId');
    const { task, officialId, position, unitCode, indicator, duePeriod, reason } = body;
    const data = { responsibilityId, task, officialId, position, unitCode, indicator: { ...indicator }, duePeriod, reason };
    const outcome = await this.commands.execute(new ActOnResponsibility({ type: 'AssignResponsibility', data, metadata }, ifMatch));
    return { responsibilityId, ...written(response, outcome) };
  }

  /** A responsibility as assigned. */
  @Get(':id')
  async read(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<ResponsibilityView> {
    const stream = responsibilityStream(id);
    const { state, revision } = await this.readBack(stream, responsibilityDecider, response, (s) => s.status !== 'NotAssigned');
    return { responsibilityId: id, revision, state };
  }
}
