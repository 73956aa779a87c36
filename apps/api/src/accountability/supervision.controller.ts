/**
 * A district's supervision: who supervises it (assigned by the city office), their monthly visits and
 * bimonthly bulletins (issued with their pack: ../bulletins), its state, and its compliance from the read model.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../http/openapi';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@libs/clock';
import { loadStream } from '@libs/command-handling/handle-command';
import { monthOfInstant, SupervisionCommand, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { EVENT_STORE, EventStore, formatPosition } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { supervisionComplianceProjection } from '@projections/supervision-compliance/supervision-compliance.projection';
import { districtCompliance } from '@projections/supervision-compliance/supervision-compliance.query';
import { commandContext, written } from '../commands/command-context';
import { ReasonDto } from '../commands/shared/command.dto';
import { ProblemException } from '../http/problem';
import { setEtag } from '../http/revision';
import { actingRole } from './acting-role';
import { ActOnSupervision } from './accountability.commands';
import { CITY_DISTRICTS } from './case-authority';
import { AssignSupervisorDto, ComplianceQuery, DistrictParams, RecordVisitDto } from './supervision.dto';
import { ComplianceOverview, DistrictComplianceView, SupervisionAnswer, SupervisionView } from './answers.dto';

type Data<T extends SupervisionCommand['type']> = Extract<SupervisionCommand, { type: T }>['data'];

@ApiTags('supervision')
@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The city office assigns a supervisor to a district (X-Actor-Role: city-office). */
  @Post(':district/assignment')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  assign(
    @Param() { district }: DistrictParams,
    @Body() body: AssignSupervisorDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    cityOfficeOnly(request);
    return this.act(
      'AssignSupervisor',
      { districtCode: knownDistrict(district), supervisorId: body.supervisorId, reason: body.reason },
      body.occurredAt,
      request,
      response,
    );
  }

  /** The city office ends a supervisor's term in a district (X-Actor-Role: city-office). */
  @Post(':district/assignment/end')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  endAssignment(
    @Param() { district }: DistrictParams,
    @Body() body: ReasonDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    cityOfficeOnly(request);
    return this.act(
      'EndSupervisorAssignment',
      { districtCode: knownDistrict(district), reason: body.reason },
      body.occurredAt,
      request,
      response,
    );
  }

  /** Records the supervisor's visit of a month to units of the district, with findings. */
  @Post(':district/visits')
  @ApiCommand()
  @HttpCode(201)
  visit(
    @Param() { district }: DistrictParams,
    @Body() body: RecordVisitDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { month, unitsVisited, findings } = body;
    return this.act(
      'RecordSupervisionVisit',
      { districtCode: knownDistrict(district), month, unitsVisited, findings },
      body.occurredAt,
      request,
      response,
    );
  }

  /** The six districts side by side: each one's compliance over the months asked. */
  @Get('compliance')
  overview(@Query() query: ComplianceQuery): Promise<ComplianceOverview> {
    return this.complianceOf(CITY_DISTRICTS, query);
  }

  /** A district's supervision as folded from its stream: supervisor, visits, bulletins. */
  @Get(':district')
  async read(@Param() { district }: DistrictParams, @Res({ passthrough: true }) response: Response): Promise<SupervisionView> {
    const { state, revision } = await loadStream(this.store, supervisionStream(knownDistrict(district)), supervisionDecider);
    setEtag(response, revision);
    return { districtCode: district, revision: Number(revision), state };
  }

  /** One district's supervision compliance over the months asked. */
  @Get(':district/compliance')
  async compliance(@Param() { district }: DistrictParams, @Query() query: ComplianceQuery): Promise<DistrictComplianceView> {
    const {
      districts: [report],
      ...rest
    } = await this.complianceOf([knownDistrict(district)], query);
    return { ...rest, ...report };
  }

  private complianceOf(districts: readonly string[], query: ComplianceQuery) {
    const currentMonth = monthOfInstant(this.clock.now().toISOString());
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const checkpoint = await loadCheckpoint(tx, supervisionComplianceProjection);
      if (!checkpoint) throw ProblemException.of(503, 'read-model-not-ready', 'the supervision compliance read model is not built yet');
      const range = { from: query.from, to: query.to ?? currentMonth };
      const reports = [];
      for (const code of districts) reports.push(await districtCompliance(tx, checkpoint.schema, code, range, currentMonth));
      const position = checkpoint.position ? formatPosition(checkpoint.position) : null;
      return { position, recordedAt: checkpoint.recordedAt ?? null, currentMonth, districts: reports };
    });
  }

  private async act<T extends SupervisionCommand['type']>(
    type: T,
    data: Data<T>,
    occurredAt: string | undefined,
    request: Request,
    response: Response,
  ): Promise<SupervisionAnswer> {
    const { metadata, ifMatch } = commandContext(request, this.clock, occurredAt);
    const outcome = await this.commands.execute(new ActOnSupervision({ type, data, metadata } as SupervisionCommand, ifMatch));
    return { districtCode: data.districtCode, ...written(response, outcome) };
  }
}

export function knownDistrict(code: string): string {
  if (referenceData.level(code) !== 'district')
    throw ProblemException.of(404, 'district-not-found', 'no district of the city has that code');
  return code;
}

/** Supervisors are appointed, not self-assigned: only the city office assigns or ends a term. */
function cityOfficeOnly(request: Request): void {
  if (actingRole(request).role !== 'city-office')
    throw ProblemException.of(403, 'role-not-permitted', 'only the city office assigns supervisors');
}
