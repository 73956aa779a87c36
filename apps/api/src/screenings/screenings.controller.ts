/**
 * Screening records: one per couple or pregnant woman, registered in their village, read back as where
 * they stand in the chain (no result, no personal field), and erased on a legal basis. Erasure appends
 * the fact (no personal data in it) and then destroys the record's data key, as a household's erasure
 * does: every personal field of the record reads `[erased]` from then on, and no further step is taken.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { screeningDecider, ScreeningState, screeningStream } from '@libs/domain/screening';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { Security } from '@libs/runtime';
import { AggregateController } from '../commands/aggregate-controller';
import { commandContext, written } from '../commands/command-context';
import { IdParams } from '../commands/shared/command.dto';
import { AuthenticatedRequest } from '../auth/access.guard';
import { KeyDecisionDto } from '../privacy/privacy.dto';
import { ActOnScreening } from './screenings.commands';
import { RegisterScreeningDto } from './screening.dto';
import { ScreeningAnswer, ScreeningErasureAnswer, ScreeningView } from './answers.dto';

@ApiTags('screenings')
@Controller('screenings')
export class ScreeningsController extends AggregateController {
  constructor(
    commands: CommandBus,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly security: Security,
  ) {
    super(commands, store, clock);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a couple or a pregnant woman for the birth-defect screening chain (personal data, encrypted)' })
  async register(
    @Body() body: RegisterScreeningDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScreeningAnswer> {
    const { metadata, ifMatch, newId } = commandContext(request, this.clock, body.occurredAt);
    const { screeningId = newId('screeningId'), villageCode, subjectKind, person } = body;
    const data = { screeningId, villageCode, subjectKind, person: { ...person } };
    const outcome = await this.commands.execute(new ActOnScreening({ type: 'RegisterScreeningSubject', data, metadata }, ifMatch));
    return { screeningId, ...written(response, outcome) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Where one record stands in the screening chain (ETag: its revision)' })
  async read(@Param() { id }: IdParams, @Res({ passthrough: true }) response: Response): Promise<ScreeningView> {
    const exists = (state: ScreeningState) => state.status !== 'NotRegistered';
    const { state, revision } = await this.readBack(screeningStream(id), screeningDecider, response, exists);
    return { screeningId: id, revision, state };
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOperation({ summary: "Erase the record's personal data (crypto-shredding) on a legal basis; no step is taken after it" })
  async erase(
    @Param() { id }: IdParams,
    @Body() body: KeyDecisionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<ScreeningErasureAnswer> {
    const { metadata } = commandContext(request, this.clock);
    const command = { type: 'EraseScreeningPerson' as const, data: { screeningId: id, legalBasis: body.legalBasis }, metadata };
    await this.commands.execute(new ActOnScreening(command));
    // The fact first, then the key: a failure in between is mended by asking again (the fact is not repeated).
    const decision = { actor: request.principal!.sub, legalBasis: body.legalBasis, reference: body.reference };
    await this.security.dataKeys.erase(screeningStream(id), decision);
    return { screeningId: id, personalData: 'erased', legalBasis: body.legalBasis };
  }
}
