/**
 * The analyst's query API: the indicator catalogue, and one indicator's rows for an org unit, level,
 * periods and breakdown, as JSON or CSV. Every answer states the log position and time it reflects.
 */
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { ReadSources } from '@libs/read-sources';
import { markSuppressed, Principal } from '@libs/auth';
import {
  answerIndicator,
  answerSuppressed,
  csvFilename,
  IndicatorRequestError,
  parseIndicatorRequest,
  RATE_DECIMALS,
  toCsv,
} from '@libs/indicators';
import { catalogue } from '@projections/index';
import { Language, LANGUAGES, referenceNames, rowNames } from '@libs/reference-data/names';
import { ProblemException } from '../../http/problem';
import { RawQuery, refuseUnknownParameters } from '../../http/query-parameters';
import { minPositionOf } from '../read-source';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { IndicatorAnswerDto, IndicatorCatalogue } from './answers.dto';

/** Every query parameter the indicator endpoint reads (others are refused); the OpenAPI test holds the document to it. */
export const INDICATOR_PARAMETERS = ['ou', 'level', 'pe', 'asOf', 'by', 'format', 'lang', 'minPosition'] as const;

/** How each unit's values are given (GET /indicators states it per indicator). */
const ROUNDING: Partial<Record<string, string>> = {
  proportion: `value exact in JSON; ${RATE_DECIMALS} decimal places in CSV`,
  fen: 'integer fen (stored unit); valueYuan and ...Yuan beside: fen / 100, exact to the fen',
};

type AnalystRequest = Request & { policy?: { suppressSmallCells?: boolean }; principal?: Principal };

@Controller('indicators')
export class IndicatorsController {
  constructor(@Inject(ReadSources) private readonly sources: ReadSources) {}

  /** The indicator catalogue: each indicator's definition, breakdowns, periods, levels and target. */
  @Get()
  list(): IndicatorCatalogue {
    return {
      indicators: catalogue.all.map(
        ({ name, title, description, unit, numerator, denominator, dimensions, periodGrain, aggregation, interval, target, levels }) => ({
          name,
          title,
          description,
          unit,
          aggregation,
          rounding: ROUNDING[unit] ?? 'exact counts',
          numerator: numerator.label,
          denominator: denominator?.label ?? null,
          dimensions: Object.keys(dimensions),
          periods: periodGrain === 'year' ? 'yearly (2012, 2012:2014)' : 'DHIS2 (2012, 2012S1, 2012Q1, 201203, 201201B, ranges, ;-lists)',
          asOf: aggregation === 'stock' ? 'a local day (yyyy-mm-dd), instead of pe: the state at its end' : null,
          interval: interval ?? null,
          target: target ?? null,
          levels: [...(levels ?? ['city', 'district', 'township', 'village'])],
        }),
      ),
    };
  }

  /** One indicator's rows for an org unit, level, periods and breakdown, as JSON or CSV. */
  @Get(':name')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: IndicatorAnswerDto,
    description:
      'JSON, or CSV with `Accept: text/csv` or `format=csv`; headers X-Log-Position and X-Log-Recorded-At say what the rows reflect',
  })
  @ApiQuery({
    name: 'ou',
    required: false,
    description: "Org unit code (city 640100, district, township, village); a scoped token's own org unit when omitted; one per request",
  })
  @ApiQuery({
    name: 'level',
    required: false,
    enum: ['city', 'district', 'township', 'village'],
    description: 'Level of the rows under `ou` (default: the level of `ou`)',
  })
  @ApiQuery({
    name: 'pe',
    required: false,
    description:
      'Periods in DHIS2 syntax: 2012, 2012S1, 2012Q1, 201203, 201201B, ranges (2012Q1:2012Q4) and ;-lists; at most 120 periods, 2,400 months in all',
  })
  @ApiQuery({
    name: 'by',
    required: false,
    description: "A breakdown (category, focus-area, department, ...); GET /indicators lists each indicator's dimensions",
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'Overrides the Accept header' })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'Stock indicators only, instead of pe: a local day (yyyy-mm-dd, programme calendar); the state at its end',
  })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description:
      'A log position (e.g. the `position` a command answered): the rows reflect at least it. Read from the read replica once it does, else from the primary; 503 `read-model-behind` (Retry-After) when neither does within READ_REPLICA_MAX_WAIT_MS',
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['zh-CN', 'en'],
    description: "JSON rows also carry `names`: the org unit's and the dimension codes' names in that language",
  })
  async indicator(
    @Param('name') name: string,
    @Query() query: RawQuery,
    @Req() request: AnalystRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const indicator = catalogue.find(name);
    if (!indicator)
      throw ProblemException.of(400, 'unknown-indicator', `unknown indicator "${name.slice(0, 60)}"; GET /indicators lists them`);
    refuseUnknownParameters(query, INDICATOR_PARAMETERS, 'invalid-parameter');
    const { minPosition, ...indicatorQuery } = query;
    let parsed;
    try {
      parsed = parseIndicatorRequest(indicator, { ...indicatorQuery, ou: orgUnitByName(query.ou) });
    } catch (error) {
      if (error instanceof IndicatorRequestError) throw ProblemException.of(400, error.code, error.message);
      throw error;
    }
    const lang = languageOf(query.lang);
    // The replica or the primary, whichever reflects `minPosition` first (else 503 read-model-behind).
    const { dataSource, served } = await this.sources.forReadModel(indicator.readModel, minPositionOf(minPosition));
    // Small cells and their complements are withheld here, for JSON and CSV alike, judged with their siblings.
    const suppress = request.policy?.suppressSmallCells === true;
    const answer = suppress
      ? await answerSuppressed(dataSource, indicator, parsed, request.principal)
      : await answerIndicator(dataSource, indicator, parsed);
    response.setHeader('X-Read-Source', served);
    response.setHeader('X-Log-Position', answer.reflects.position ?? '');
    response.setHeader('X-Log-Recorded-At', answer.reflects.recordedAt ?? '');
    if (!wantsCsv(query.format, request.headers.accept)) {
      const body = lang === undefined ? answer : { ...answer, rows: answer.rows.map((row) => ({ ...row, names: rowNames(row, lang) })) };
      return suppress ? markSuppressed(body) : body;
    }
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${csvFilename(answer)}"`);
    return toCsv(answer, indicator);
  }
}

/** `?lang=zh-CN|en`: each JSON row also carries `names`, its org unit's and dimension codes' names. */
function languageOf(lang: unknown): Language | undefined {
  if (lang === undefined) return undefined;
  if (typeof lang === 'string' && (LANGUAGES as readonly string[]).includes(lang)) return lang as Language;
  throw ProblemException.of(400, 'invalid-parameter', `lang must be one of ${LANGUAGES.join(', ')}`);
}

function wantsCsv(format: unknown, accept: string | undefined): boolean {
  if (format !== undefined) {
    if (format === 'csv') return true;
    if (format === 'json') return false;
    throw ProblemException.of(400, 'invalid-parameter', `unknown format "${String(format).slice(0, 20)}"; use csv or json`);
  }
  return /\btext\/csv\b/.test(accept ?? '');
}

/**
 * `ou=兴庆区` or `ou=Xingqing District`: a name (Chinese or English, GET /org-units) stands for its code when it
 * names one unit exactly, or is part of one unit's name only; codes pass through. Several matches: 400 listing them.
 */
function orgUnitByName(ou: unknown): unknown {
  if (typeof ou !== 'string' || /^\d+$/.test(ou) || ou === '') return ou;
  const chosen = referenceNames.orgUnitsNamed(ou);
  if (chosen.length === 1) return chosen[0].code;
  if (chosen.length === 0)
    throw ProblemException.of(400, 'unknown-org-unit', `no org unit is named "${ou.slice(0, 40)}"; GET /org-units?q= finds them`);
  throw ProblemException.of(
    400,
    'ambiguous-org-unit',
    `"${ou.slice(0, 40)}" names ${chosen.length} org units (${chosen
      .slice(0, 5)
      .map((u) => u.code)
      .join(', ')}${chosen.length > 5 ? ', ...' : ''}); give a code`,
  );
}
