/** A loan's current state folded from its stream on each read, with its outstanding amount and the ETag. */
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { loadStream } from '@libs/command-handling/handle-command';
import { loanDecider, LoanState, loanStream, outstandingFen } from '@libs/domain/loan';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { IdParams } from '../../commands/shared/command.dto';
import { ProblemException } from '../../http/problem';
import { setEtag } from '../../http/revision';
import { LoanViewDto } from './answers.dto';

export type LoanView = Exclude<LoanState, { status: 'NotGranted' }> & { outstandingFen: number; revision: number };

@ApiTags('loans')
@Controller('loans')
export class LoanQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** A loan's current state and outstanding balance, folded from its stream (ETag: its revision). */
  @Get(':id')
  async get(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<LoanViewDto> {
    const { state, revision } = await loadStream(this.store, loanStream(id), loanDecider);
    if (state.status === 'NotGranted') throw ProblemException.of(404, 'loan-not-found', 'no loan with this id');
    setEtag(response, revision);
    return { ...state, outstandingFen: outstandingFen(state), revision: Number(revision) };
  }
}
