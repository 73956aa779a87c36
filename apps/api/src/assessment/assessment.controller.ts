/**
 * The assessment of districts and departments: the schemes (versioned reference data, loaded whole or not
 * at all) and the scorecard, ranked, as JSON, CSV or Excel. Scores are computed from the read models each
 * time (projections/scorecard); refusals are problems naming what is wrong.
 */
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@libs/clock';
import { localMonthOf } from '@libs/calendar';
import {
  ASSESSED_LEVELS,
  AssessedLevel,
  knownSchemes,
  loadSchemeVersion,
  parseScheme,
  RetroactiveSchemeError,
  SchemeError,
  schemeVersions,
} from '@libs/assessment';
import { catalogue } from '@projections/index';
import { ScorecardError, scoreUnits } from '@projections/scorecard/scorecard';
import { scorecardCsv, scorecardFilename, scorecardXlsx } from '@projections/scorecard/scorecard-export';
import { AuthenticatedRequest } from '../auth/access.guard';
import { ProblemException } from '../http/problem';
import { RawQuery, refuseUnknownParameters } from '../http/query-parameters';
import { ScorecardDto, SchemeListDto, SchemeLoadDto, SchemeVersionDto, SchemeVersionsDto } from './answers.dto';

/** Every query parameter the scores endpoint reads (others are refused). */
export const SCORE_PARAMETERS = ['level', 'pe', 'scheme', 'format'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('assessment')
@Controller('assessment')
export class AssessmentController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('scores')
  @ApiOperation({
    summary: 'Districts or departments scored for a bimonth or a year under an assessment scheme, ranked, with every component',
  })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({
    type: ScorecardDto,
    description: 'JSON; CSV with `Accept: text/csv` or `format=csv`; Excel with format=xlsx or its Accept type',
  })
  @ApiQuery({ name: 'level', required: true, enum: ['district', 'department'] })
  @ApiQuery({ name: 'pe', required: true, description: 'A year (2012: the mean of its bimonths) or a bimonth (201203B: May-June)' })
  @ApiQuery({ name: 'scheme', required: true, description: 'A scheme (happy-family), or scheme@version to rescore under one version' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'], description: 'Overrides the Accept header' })
  async scores(@Query() query: RawQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    refuseUnknownParameters(query, SCORE_PARAMETERS, 'invalid-parameter');
    const level = text(query, 'level');
    if (!(ASSESSED_LEVELS as readonly string[]).includes(level)) throw invalid(`level must be one of ${ASSESSED_LEVELS.join(', ')}`);
    const format = formatOf(query.format, request.headers.accept);
    let card;
    try {
      card = await scoreUnits(this.dataSource, {
        level: level as AssessedLevel,
        period: text(query, 'pe'),
        scheme: text(query, 'scheme'),
        asOf: this.clock.now(),
      });
    } catch (error) {
      if (error instanceof ScorecardError) throw ProblemException.of(400, error.code, error.message);
      throw error;
    }
    if (format === 'json') return card;
    response.setHeader('Content-Disposition', `attachment; filename="${scorecardFilename(card, format)}"`);
    if (format === 'csv') {
      response.type('text/csv; charset=utf-8');
      return scorecardCsv(card);
    }
    return new StreamableFile(await scorecardXlsx(card), { type: XLSX });
  }

  @Get('schemes')
  @ApiOperation({ summary: 'The assessment schemes known, with their number of versions' })
  async schemes(): Promise<SchemeListDto> {
    return { schemes: await knownSchemes(this.dataSource) };
  }

  @Get('schemes/:scheme')
  @ApiOperation({ summary: 'Every version of a scheme: components, weights, targets, rules, sources, and the date each takes effect' })
  async versions(@Param('scheme') scheme: string): Promise<SchemeVersionsDto> {
    const versions = await schemeVersions(this.dataSource, scheme);
    if (versions.length === 0) throw ProblemException.of(404, 'unknown-scheme', `unknown scheme "${scheme.slice(0, 60)}"`);
    return { scheme, versions };
  }

  @Post('schemes')
  @ApiOperation({
    summary:
      'Load a scheme as its next version; a bad component, weights that do not sum or a date before the bimonth in progress is refused and nothing is written',
  })
  async load(@Body() body: SchemeLoadDto, @Req() request: AuthenticatedRequest): Promise<SchemeVersionDto> {
    try {
      const document = parseScheme(body.document, catalogue);
      const currentMonth = localMonthOf(this.clock.now().toISOString());
      return await loadSchemeVersion(this.dataSource, document, request.principal?.sub ?? 'anonymous', currentMonth);
    } catch (error) {
      if (error instanceof RetroactiveSchemeError) throw ProblemException.of(409, 'retroactive-scheme', error.message);
      if (error instanceof SchemeError)
        throw ProblemException.of(400, 'invalid-scheme', error.message, error.line ? { line: error.line } : {});
      throw error;
    }
  }
}

function invalid(message: string): ProblemException {
  return ProblemException.of(400, 'invalid-parameter', message);
}

function text(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  if (typeof value !== 'string' || value === '') throw invalid(`parameter ${name} is required, once`);
  return value;
}

function formatOf(format: unknown, accept: string | undefined): 'json' | 'csv' | 'xlsx' {
  if (format !== undefined) {
    if (format === 'json' || format === 'csv' || format === 'xlsx') return format;
    throw invalid(`unknown format "${String(format).slice(0, 20)}"; use json, csv or xlsx`);
  }
  if (accept?.includes(XLSX)) return 'xlsx';
  return /\btext\/csv\b/.test(accept ?? '') ? 'csv' : 'json';
}
