/** Accountability cases: open one, act on it, read it (now, or replayed to a time or revision), list them. */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../http/openapi';
import { Request, Response } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { CaseCommand } from '@libs/domain/accountability-case';
import { referenceData } from '@libs/reference-data';
import { commandContext, written } from '../commands/command-context';
import { IdParams, ReasonDto } from '../commands/shared/command.dto';
import { deadlineInstant } from '../http/instant';
import { invalidField } from '../http/problem';
import { newId } from '../http/request-context';
import { actingRole } from './acting-role';
import { ActOnCase, CaseRequest } from './accountability.commands';
import {
  CaseListQuery,
  CaseReadQuery,
  CloseCaseDto,
  EscalateCaseDto,
  HoldLeaderAccountableDto,
  IssueCriticismDto,
  OpenCaseDto,
  OrderRectificationDto,
  ReportRectificationDto,
} from './case.dto';
import { CaseReads } from './case-reads';
import { CaseAnswer, CaseList, CaseView } from './answers.dto';

type Data<T extends CaseCommand['type']> = Omit<Extract<CaseCommand, { type: T }>['data'], 'reason'>;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: CaseReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens an accountability case against a unit of a district, on grounds and with evidence. */
  @Post()
  @ApiCommand({ acting: true })
  @HttpCode(201)
  async open(@Body() body: OpenCaseDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const caseId = body.caseId ?? newId(request, 'caseId');
    const { subjectUnit, districtCode, grounds, evidence } = body;
    // The city office may act in any district, but only in one of the city's: another code would open a case
    // no supervisor could ever hold, outside every district's list and bulletin.
    if (referenceData.level(districtCode) !== 'district')
      throw invalidField('districtCode', 'districtCode must be the code of one of the districts and counties of the city');
    return this.act(
      caseId,
      'OpenCase',
      { caseId, subjectUnit, districtCode, grounds, evidence: evidence.map((e) => ({ ...e })) },
      body,
      request,
      response,
    );
  }

  /** Orders the unit under the case to rectify, with requirements and a deadline (a date alone: the end of that Beijing day). */
  @Post(':id/order-rectification')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  orderRectification(
    @Param() { id }: IdParams,
    @Body() body: OrderRectificationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const deadline = deadlineInstant(body.deadline);
    return this.act(id, 'OrderRectification', { requirements: body.requirements, deadline }, body, request, response);
  }

  /** The unit under the case reports its rectification, with evidence (X-Actor-Role: subject-unit). */
  @Post(':id/report-rectification')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  reportRectification(
    @Param() { id }: IdParams,
    @Body() body: ReportRectificationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(
      id,
      'ReportRectification',
      { report: body.report, evidence: body.evidence.map((e) => ({ ...e })) },
      body,
      request,
      response,
    );
  }

  /** Accepts the reported rectification. */
  @Post(':id/accept-rectification')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  acceptRectification(
    @Param() { id }: IdParams,
    @Body() body: ReasonDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(id, 'AcceptRectification', {}, body, request, response);
  }

  /** Rejects the reported rectification; it is ordered again. */
  @Post(':id/reject-rectification')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  rejectRectification(
    @Param() { id }: IdParams,
    @Body() body: ReasonDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(id, 'RejectRectification', {}, body, request, response);
  }

  /** Criticises the unit in a supervision bulletin. */
  @Post(':id/issue-criticism')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  issueCriticism(
    @Param() { id }: IdParams,
    @Body() body: IssueCriticismDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(id, 'IssueCriticism', { bulletinId: body.bulletinId }, body, request, response);
  }

  /** Holds a named official accountable with a measure. */
  @Post(':id/hold-leader-accountable')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  holdLeaderAccountable(
    @Param() { id }: IdParams,
    @Body() body: HoldLeaderAccountableDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { officialId, position, measure } = body;
    return this.act(id, 'HoldLeaderAccountable', { officialId, position, measure }, body, request, response);
  }

  /** Escalates the case to a higher level. */
  @Post(':id/escalate')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  escalate(
    @Param() { id }: IdParams,
    @Body() body: EscalateCaseDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(id, 'EscalateCase', { to: body.to }, body, request, response);
  }

  /** Closes the case with a resolution (a waiver reason when a rectification is outstanding). */
  @Post(':id/close')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  close(@Param() { id }: IdParams, @Body() body: CloseCaseDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.act(
      id,
      'CloseCase',
      { resolution: body.resolution, ...(body.waiverReason !== undefined && { waiverReason: body.waiverReason }) },
      body,
      request,
      response,
    );
  }

  /** Reopens a closed case, with the reason. */
  @Post(':id/reopen')
  @ApiCommand({ acting: true })
  @HttpCode(200)
  reopen(@Param() { id }: IdParams, @Body() body: ReasonDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.act(id, 'ReopenCase', {}, body, request, response);
  }

  /** The cases of a district (or of the caller's own area), from the audit-trail read model. */
  @Get()
  @ApiOperation({
    summary: 'Cases in opening order, a page at a time',
    description: 'Follow `next` (also in the Link header) with the same parameters for the next page.',
  })
  list(@Query() query: CaseListQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CaseList> {
    return this.reads.list(query, request, response);
  }

  /** A case now, or replayed to a recorded time (asOf), an occurred time (occurredAsOf) or a revision. */
  @Get(':id')
  read(@Param() { id }: IdParams, @Query() query: CaseReadQuery, @Res({ passthrough: true }) response: Response): Promise<CaseView> {
    return this.reads.read(id, query, response);
  }

  private async act<T extends CaseCommand['type']>(
    caseId: string,
    type: T,
    data: Data<T>,
    body: ReasonDto,
    request: Request,
    response: Response,
  ): Promise<CaseAnswer> {
    const acting = actingRole(request);
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const command = { type, data: { ...data, reason: body.reason }, metadata: { ...metadata, actingAs: acting } } as CaseRequest;
    const outcome = await this.commands.execute(new ActOnCase(caseId, command, acting, ifMatch));
    return { caseId, status: outcome.state.status, ...written(response, outcome) };
  }
}
