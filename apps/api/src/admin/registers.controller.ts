/**
 * The programme's registers, loaded by administrators: the households living in each village by year (the
 * denominator of the 60% goal and of pilot coverage) and the enrolment targets by year and org unit. Each load
 * is checked whole and written as a new version with its source; a bad line is refused with its number and
 * nothing is written. `npm run reference:load` does the same from a file.
 */
import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { loadRegister, parseRegisterCsv, REGISTER_KINDS, RegisterError, RegisterKind, registerLoads } from '@libs/programme-register';
import { AuthenticatedRequest } from '../auth/access.guard';
import { ProblemException } from '../http/problem';
import { RegisterLoadDto } from './registers.dto';

@ApiTags('admin')
@Controller('admin/registers')
export class RegistersController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get(':kind')
  async loads(@Param('kind') kind: string) {
    return { kind, loads: await registerLoads(this.dataSource, known(kind)) };
  }

  @Post(':kind')
  async load(@Param('kind') kind: string, @Body() body: RegisterLoadDto, @Req() request: AuthenticatedRequest) {
    const register = known(kind);
    let rows;
    try {
      rows = parseRegisterCsv(register, body.csv);
    } catch (error) {
      if (error instanceof RegisterError) throw ProblemException.of(400, 'invalid-register', error.message);
      throw error;
    }
    return loadRegister(this.dataSource, register, rows, body.source, request.principal?.sub ?? 'anonymous');
  }
}

function known(kind: string): RegisterKind {
  if (!(REGISTER_KINDS as readonly string[]).includes(kind)) {
    throw ProblemException.of(404, 'unknown-register', `unknown register "${kind.slice(0, 40)}"; known: ${REGISTER_KINDS.join(', ')}`);
  }
  return kind as RegisterKind;
}
