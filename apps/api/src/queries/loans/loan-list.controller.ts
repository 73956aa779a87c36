/** `GET /loans?ou=&householdId=`: the loans of households under an org unit (or of one household), a page at a time, from the loan register. */
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { loanRegisterReadModel } from '@projections/loan-register/loan-register.tables';
import { listLoans } from '@projections/loan-register/loan-register.query';
import { cutPage, pageOf } from '../../http/paging';
import { LoanPage } from './answers.dto';
import { orgUnitOf, readRegister, RegisterListQuery } from '../register-page';

export class LoanListQuery extends RegisterListQuery {
  @ApiPropertyOptional({
    description: "one household's loans (both filters apply: a scoped caller sees its own area's only)",
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('all', { message: 'householdId must be a household id (a UUID)' })
  householdId?: string;
}

@ApiTags('loans')
@Controller('loans')
export class LoanListController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Loans of households under an org unit, or of one household, a page at a time',
    description: 'Follow `next` (also in the Link header) with the same parameters for the next page.',
  })
  async list(@Query() query: LoanListQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoanPage> {
    const page = pageOf(query);
    const ou = orgUnitOf(query);
    const { position, rows } = await readRegister(this.dataSource, loanRegisterReadModel, (tx, schema) =>
      listLoans(tx, schema, { ou, householdId: query.householdId, afterId: page.after?.[0], limit: page.limit + 1 }),
    );
    const { rows: loans, next } = cutPage(rows, page, (l) => [l.loanId], request, response);
    return { position, loans, next };
  }
}
