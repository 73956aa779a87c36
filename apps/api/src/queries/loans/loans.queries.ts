/** A loan's current state folded from its stream on each read, with its outstanding amount and the ETag. */
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { loadStream, LoadedStream } from '@libs/command-handling/handle-command';
import { loanDecider, LoanState, loanStream, outstandingFen } from '@libs/domain/loan';
import { upcastEvent } from '@libs/domain/upcasting';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { IdParams } from '../../commands/shared/command.dto';
import { ProblemException } from '../../http/problem';
import { setEtag } from '../../http/revision';
import { LoanViewDto } from './answers.dto';

export class GetLoanQuery {
  constructor(readonly loanId: string) {}
}

@QueryHandler(GetLoanQuery)
export class GetLoanHandler implements IQueryHandler<GetLoanQuery, LoadedStream<LoanState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ loanId }: GetLoanQuery): Promise<LoadedStream<LoanState>> {
    return loadStream(this.store, loanStream(loanId), loanDecider, upcastEvent);
  }
}

export type LoanView = Exclude<LoanState, { status: 'NotGranted' }> & { outstandingFen: number; revision: number };

@ApiTags('loans')
@Controller('loans')
export class LoanQueriesController {
  constructor(private readonly queries: QueryBus) {}

  /** A loan's current state and outstanding balance, folded from its stream (ETag: its revision). */
  @Get(':id')
  async get(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<LoanViewDto> {
    const { state, revision }: LoadedStream<LoanState> = await this.queries.execute(new GetLoanQuery(id));
    if (state.status === 'NotGranted') throw ProblemException.of(404, 'loan-not-found', 'no loan with this id');
    setEtag(response, revision);
    return { ...state, outstandingFen: outstandingFen(state), revision: Number(revision) };
  }
}
