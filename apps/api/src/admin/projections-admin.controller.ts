/** Operators' view of the projections: status, lag and parked events; replaying parked events. */
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { retryParked } from '@libs/projection/dead-letters';
import { projectionStatuses } from '@libs/projection/status';
import { projections } from '@projections/index';
import { ProblemException } from '../http/problem';
import { ProjectionsAnswer, RetryAnswer } from './answers.dto';

@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Every projection's status, versions, checkpoint, lag and parked events. */
  @Get()
  async list(): Promise<ProjectionsAnswer> {
    return { projections: await projectionStatuses(projections, this.store, this.dataSource) };
  }

  /** Replays the active copy's parked events in log order; those that fail again stay parked with the new error. */
  @Post(':name/retry')
  @HttpCode(200)
  async retry(@Param('name') name: string): Promise<RetryAnswer> {
    const projection = projections.find((p) => p.name === name);
    if (!projection) throw ProblemException.of(404, 'unknown-projection', `unknown projection "${name.slice(0, 60)}"`);
    return { projection: name, ...(await retryParked(projection, this.store, this.dataSource)) };
  }
}
