/**
 * The analyst's query API: the indicator catalogue, and one indicator's rows for an org unit, level,
 * periods and breakdown, as JSON or CSV. Every answer states the log position and time it reflects.
 */
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { suppressSmallCells } from '@libs/auth';
import { answerIndicator, IndicatorRequestError, parseIndicatorRequest, toCsv } from '@libs/indicators';
import { catalogue } from '@projections/index';
import { Language, LANGUAGES, rowNames } from '@libs/reference-data/names';
import { ProblemException } from '../../http/problem';

const PARAMETERS = new Set(['ou', 'level', 'pe', 'by', 'format', 'lang']);

type AnalystRequest = Request & { policy?: { suppressSmallCells?: boolean }; principal?: Parameters<typeof suppressSmallCells>[1] };

@Controller('indicators')
export class IndicatorsController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  list() {
    return {
      indicators: catalogue.all.map(({ name, title, description, unit, numerator, denominator, dimensions, periodGrain, interval, target, levels }) => ({
        name, title, description, unit, numerator: numerator.label, denominator: denominator?.label ?? null,
        dimensions: Object.keys(dimensions), periods: periodGrain === 'year' ? 'yearly (2012, 2012:2014)' : 'DHIS2 (2012, 2012S1, 2012Q1, 201203, 201201B, ranges, ;-lists)',
        interval: interval ?? null, target: target ?? null, levels: levels ?? ['city', 'district', 'township', 'village'],
      })),
    };
  }

  @Get(':name')
  async indicator(@Param('name') name: string, @Query() query: Record<string, unknown>, @Req() request: AnalystRequest, @Res({ passthrough: true }) response: Response) {
    const indicator = catalogue.find(name);
    if (!indicator) throw ProblemException.of(400, 'unknown-indicator', `unknown indicator "${name.slice(0, 60)}"; GET /indicators lists them`);
    const unknown = Object.keys(query).find((key) => !PARAMETERS.has(key));
    if (unknown) throw ProblemException.of(400, 'invalid-parameter', `unknown parameter "${unknown.slice(0, 40)}"; known: ${[...PARAMETERS].join(', ')}`);
    let parsed;
    try {
      parsed = parseIndicatorRequest(indicator, query);
    } catch (error) {
      if (error instanceof IndicatorRequestError) throw ProblemException.of(400, error.code, error.message);
      throw error;
    }
    const lang = languageOf(query.lang);
    const answer = await answerIndicator(this.dataSource, indicator, parsed);
    response.setHeader('X-Log-Position', answer.reflects.position ?? '');
    response.setHeader('X-Log-Recorded-At', answer.reflects.recordedAt ?? '');
    if (!wantsCsv(query.format, request.headers.accept)) return lang === undefined ? answer : { ...answer, rows: answer.rows.map((row) => ({ ...row, names: rowNames(row, lang) })) };
    const rows = request.policy?.suppressSmallCells ? suppressSmallCells(answer.rows, request.principal) : answer.rows;
    response.type('text/csv; charset=utf-8');
    return toCsv({ ...answer, rows: rows as typeof answer.rows }, indicator);
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
