/**
 * Erasure and restriction of a household's personal data, and the access log. Erasure destroys the
 * household's data key (crypto-shredding): the events stay, and so does the hash chain over their
 * ciphertext, but every personal field in them reads as `[erased]` on every surface from then on.
 * Restriction keeps the key but seals it: only an auditor who states a purpose can read the fields.
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdParams as HouseholdParams } from '../commands/shared/command.dto';
import { ProblemException } from '../http/problem';
import { AccessLog } from '../auth/access-log';
import { AuthenticatedRequest } from '../auth/access.guard';
import { OrgUnitResolver } from '../auth/org-unit-resolver';
import { Security } from '@libs/runtime';
import { AccessLogQueryDto, KeyDecisionDto } from './privacy.dto';
import { AccessLogAnswer, PersonalDataAnswer } from './answers.dto';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly security: Security,
    private readonly resolver: OrgUnitResolver,
    private readonly accessLog: AccessLog,
  ) {}

  /** Erases a household's personal data by destroying its data key (crypto-shredding), on a legal basis. */
  @Post('households/:id/erasure')
  @HttpCode(200)
  async erase(
    @Param() { id }: HouseholdParams,
    @Body() body: KeyDecisionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<PersonalDataAnswer> {
    await this.mustExist(id);
    await this.security.dataKeys.erase(id, this.decision(body, request));
    return { householdId: id, personalData: 'erased', legalBasis: body.legalBasis };
  }

  /** Restricts a household's personal data: kept, but readable only by an auditor stating a purpose. */
  @Post('households/:id/restriction')
  @HttpCode(200)
  async restrict(
    @Param() { id }: HouseholdParams,
    @Body() body: KeyDecisionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<PersonalDataAnswer> {
    await this.mustExist(id);
    const state = (await this.security.dataKeys.states([id])).get(id);
    if (state?.status === 'erased')
      throw ProblemException.of(409, 'personal-data-erased', 'the personal data of this household was erased');
    if (state?.status !== 'restricted') await this.security.dataKeys.restrict(id, this.decision(body, request));
    return { householdId: id, personalData: 'restricted', legalBasis: body.legalBasis };
  }

  /** Lifts the restriction of a household's personal data. */
  @Delete('households/:id/restriction')
  async lift(@Param() { id }: HouseholdParams, @Req() request: AuthenticatedRequest): Promise<PersonalDataAnswer> {
    await this.mustExist(id);
    if (!(await this.security.dataKeys.lift(id, { actor: request.principal!.sub }))) {
      throw ProblemException.of(409, 'not-restricted', 'the personal data of this household is not restricted');
    }
    return { householdId: id, personalData: 'active' };
  }

  /** Who read personal data, when, on which route and for what stated purpose. */
  @Get('privacy/access-log')
  async log(@Query() query: AccessLogQueryDto): Promise<AccessLogAnswer> {
    return { reads: await this.accessLog.list({ actor: query.actor, limit: query.limit ?? 100 }) };
  }

  private decision(body: KeyDecisionDto, request: AuthenticatedRequest) {
    return { actor: request.principal!.sub, legalBasis: body.legalBasis, reference: body.reference };
  }

  private async mustExist(householdId: string): Promise<void> {
    if ((await this.resolver.householdVillage(householdId)) === undefined) {
      throw ProblemException.of(404, 'household-not-found', 'no household with this id');
    }
  }
}
