/**
 * A household's current state, folded from its stream on each read (upcasting old events), with the
 * stream revision for the ETag. Strongly consistent: no read model in between.
 */
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { loadStream } from '@libs/command-handling/handle-command';
import { EnrolledHousehold, householdDecider, householdStream, WithdrawnHousehold } from '@libs/domain/household';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { IdParams } from '../../commands/shared/command.dto';
import { ProblemException } from '../../http/problem';
import { setEtag } from '../../http/revision';
import { HouseholdViewDto } from './answers.dto';

export type HouseholdView = (EnrolledHousehold | WithdrawnHousehold) & { revision: number };

@ApiTags('households')
@Controller('households')
export class HouseholdQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** A household's current state, folded from its stream (ETag: its revision). */
  @Get(':id')
  async get(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<HouseholdViewDto> {
    const { state, revision } = await loadStream(this.store, householdStream(id), householdDecider);
    if (state.status === 'NotEnrolled') throw ProblemException.of(404, 'household-not-found', 'no household with this id');
    setEtag(response, revision);
    return { ...state, revision: Number(revision) };
  }
}
