/**
 * `GET /households?ou=`: the households under an org unit, a page at a time (see ../../http/paging.ts),
 * from the household register. No personal field is listed; `GET /households/{id}` has them.
 */
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { householdRegisterReadModel } from '@projections/household-register/household-register.tables';
import { listHouseholds } from '@projections/household-register/household-register.query';
import { cutPage, pageOf } from '../../http/paging';
import { HouseholdPage } from './answers.dto';
import { orgUnitOf, readRegister, RegisterListQuery } from '../register-page';

@ApiTags('households')
@Controller('households')
export class HouseholdListController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Households under an org unit, a page at a time (no personal field)',
    description: 'Follow `next` (also in the Link header) with the same parameters for the next page.',
  })
  async list(
    @Query() query: RegisterListQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdPage> {
    const page = pageOf(query);
    const ou = orgUnitOf(query);
    const { position, rows } = await readRegister(this.dataSource, householdRegisterReadModel, (tx, schema) =>
      listHouseholds(tx, schema, { ou, afterId: page.after?.[0], limit: page.limit + 1 }),
    );
    const { rows: households, next } = cutPage(rows, page, (h) => [h.householdId], request, response);
    return { position, households, next };
  }
}
