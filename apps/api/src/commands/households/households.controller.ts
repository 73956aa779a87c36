/** Commands on households. Each endpoint maps its body to one domain command; the rules live in the decider. */
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { enrolmentDefaults, HouseholdCommand } from '@libs/domain/household';
import { utcInstant } from '../../http/instant';
import { ApiCommand } from '../../http/openapi';
import { CommandContext, commandContext, written } from '../command-context';
import { IdParams } from '../shared/command.dto';
import { EnrollHouseholdDto } from './enroll-household.dto';
import {
  CertifyHappyFamilyDto,
  DeliverServiceDto,
  RecategorizeHouseholdDto,
  RecordNeedDto,
  RecordSatisfactionDto,
  RevokeCertificationDto,
  ServiceParams,
  WithdrawHouseholdDto,
} from './household-commands.dto';
import { ActOnHousehold } from './household.commands';
import { HouseholdAnswer } from '../shared/answers.dto';

type Data<T extends HouseholdCommand['type']> = Extract<HouseholdCommand, { type: T }>['data'];

@ApiTags('households')
@ApiCommand()
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Enrols a household in a village under one of the four categories. */
  @Post()
  @HttpCode(201)
  async enroll(
    @Body() body: EnrollHouseholdDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const context = this.context(request, body.occurredAt);
    const householdId = body.householdId ?? context.newId('householdId');
    const { name, idNumber, phone } = body.head;
    const data: Data<'EnrollHousehold'> = {
      householdId,
      villageCode: body.villageCode,
      category: body.category,
      members: body.members,
      head: { name, ...(idNumber && { idNumber }), ...(phone && { phone }) },
      ...enrolmentDefaults(context.metadata.occurredAt),
      ...(body.enrolmentYear !== undefined && { enrolmentYear: body.enrolmentYear }),
      ...(body.batch !== undefined && { batch: body.batch }),
    };
    const outcome = await this.commands.execute(
      new ActOnHousehold({ type: 'EnrollHousehold', data, metadata: context.metadata }, context.ifMatch),
    );
    response.location(`/households/${householdId}`);
    return { householdId, ...written(response, outcome) };
  }

  /** Moves an enrolled household to another category, with the reason. */
  @Post(':id/recategorization')
  @HttpCode(200)
  async recategorize(
    @Param() { id }: IdParams,
    @Body() body: RecategorizeHouseholdDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const { metadata, ifMatch } = this.context(request, body.occurredAt);
    const data: Data<'RecategorizeHousehold'> = { householdId: id, to: body.to, reason: body.reason };
    const outcome = await this.commands.execute(new ActOnHousehold({ type: 'RecategorizeHousehold', data, metadata }, ifMatch));
    return { householdId: id, ...written(response, outcome) };
  }

  /** Withdraws a household from the programme, with the reason. */
  @Post(':id/withdrawal')
  @HttpCode(200)
  async withdraw(
    @Param() { id }: IdParams,
    @Body() body: WithdrawHouseholdDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const { metadata, ifMatch } = this.context(request, body.occurredAt);
    const data: Data<'WithdrawHousehold'> = { householdId: id, reason: body.reason };
    const outcome = await this.commands.execute(new ActOnHousehold({ type: 'WithdrawHousehold', data, metadata }, ifMatch));
    return { householdId: id, ...written(response, outcome) };
  }

  /** Records a need of the household under one of the five focus areas. */
  @Post(':id/needs')
  @HttpCode(201)
  async recordNeed(
    @Param() { id }: IdParams,
    @Body() body: RecordNeedDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const context = this.context(request, body.occurredAt);
    const needId = body.needId ?? context.newId('needId');
    const data: Data<'RecordNeed'> = { householdId: id, needId, focusArea: body.focusArea, kind: body.kind, description: body.description };
    const outcome = await this.commands.execute(
      new ActOnHousehold({ type: 'RecordNeed', data, metadata: context.metadata }, context.ifMatch),
    );
    return { householdId: id, needId, ...written(response, outcome) };
  }

  /** Records a service a department delivered to the household (for a need, or on its own). */
  @Post(':id/services')
  @HttpCode(201)
  async deliverService(
    @Param() { id }: IdParams,
    @Body() body: DeliverServiceDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const context = this.context(request, body.occurredAt);
    const serviceId = body.serviceId ?? context.newId('serviceId');
    const { needId, departmentCode, serviceTypeCode, focusArea } = body;
    // Normalised to UTC with a Z: the decider accepts nothing else, and an offset is not an error of the caller's.
    const deliveredAt = body.deliveredAt ? utcInstant(body.deliveredAt, 'deliveredAt') : context.metadata.occurredAt;
    const data: Data<'DeliverService'> = {
      householdId: id,
      serviceId,
      ...(needId && { needId }),
      departmentCode,
      serviceTypeCode,
      focusArea,
      deliveredAt,
    };
    const outcome = await this.commands.execute(
      new ActOnHousehold({ type: 'DeliverService', data, metadata: context.metadata }, context.ifMatch),
    );
    return { householdId: id, serviceId, ...written(response, outcome) };
  }

  /** Records the household's satisfaction with a service delivered. */
  @Post(':id/services/:serviceId/satisfaction')
  @HttpCode(201)
  async recordSatisfaction(
    @Param() { id, serviceId }: ServiceParams,
    @Body() body: RecordSatisfactionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const { metadata, ifMatch } = this.context(request, body.occurredAt);
    const data: Data<'RecordSatisfaction'> = { householdId: id, serviceId, response: body.response };
    const outcome = await this.commands.execute(new ActOnHousehold({ type: 'RecordSatisfaction', data, metadata }, ifMatch));
    return { householdId: id, serviceId, ...written(response, outcome) };
  }

  /** Certifies the household a Happy Family against a version of the criteria. */
  @Post(':id/certification')
  @HttpCode(201)
  async certify(
    @Param() { id }: IdParams,
    @Body() body: CertifyHappyFamilyDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const { metadata, ifMatch } = this.context(request, body.occurredAt);
    const data: Data<'CertifyHappyFamily'> = { householdId: id, criteriaVersion: body.criteriaVersion, assessedBy: body.assessedBy };
    const outcome = await this.commands.execute(new ActOnHousehold({ type: 'CertifyHappyFamily', data, metadata }, ifMatch));
    return { householdId: id, ...written(response, outcome) };
  }

  /** Revokes the household's Happy Family certification, with the reason. */
  @Post(':id/certification/revocation')
  @HttpCode(200)
  async revokeCertification(
    @Param() { id }: IdParams,
    @Body() body: RevokeCertificationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdAnswer> {
    const { metadata, ifMatch } = this.context(request, body.occurredAt);
    const data: Data<'RevokeCertification'> = { householdId: id, reason: body.reason };
    const outcome = await this.commands.execute(new ActOnHousehold({ type: 'RevokeCertification', data, metadata }, ifMatch));
    return { householdId: id, ...written(response, outcome) };
  }

  private context(request: Request, occurredAt?: string): CommandContext {
    return commandContext(request, this.clock, occurredAt);
  }
}
