/**
 * DHIS2 exchange: data value sets (JSON, CSV with DHIS2's header, ADX) and the analytics shape, computed from
 * the same indicators as GET /indicators under the same access rules: the caller's area only, small cells
 * withheld for analysts (left out, never zero). Refusals are DHIS2's 409 body, which its clients parse.
 * Like the indicators, they are read from the read replica when one is configured (libs/read-sources):
 * X-Read-Source names the copies that answered.
 */
import { Controller, Get, HttpStatus, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ReadSources, Served } from '@libs/read-sources';
import { Principal, withinScope } from '@libs/auth';
import {
  analytics,
  AnalyticsError,
  AnalyticsQuery,
  ANALYTICS_PARAMETERS,
  Answerer,
  checkDhis2Choice,
  checkDhis2Parameters,
  conflict,
  dataSetOf,
  dataValueSet,
  DATA_VALUE_SET_PARAMETERS,
  loadDhis2Mapping,
  toAdx,
  toDhis2Csv,
} from '@libs/dhis2';
import { answerSuppressed, IndicatorRequestError } from '@libs/indicators';
import { PeriodError } from '@libs/periods';
import { referenceData } from '@libs/reference-data';
import { catalogue } from '@projections/index';
import { AuthenticatedRequest } from '../auth/access.guard';

const mapping = loadDhis2Mapping(catalogue);

/** The answers' shapes as DHIS2 documents them, for the OpenAPI document. */
const DATA_VALUE_SET = {
  type: 'object',
  properties: {
    dataSet: { type: 'string' },
    period: { type: 'string' },
    orgUnit: { type: 'string' },
    dataValues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          dataElement: { type: 'string' },
          period: { type: 'string' },
          orgUnit: { type: 'string' },
          categoryOptionCombo: { type: 'string' },
          value: { type: 'string' },
        },
      },
    },
  },
};
const ANALYTICS_GRID = {
  type: 'object',
  properties: {
    headers: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, column: { type: 'string' }, valueType: { type: 'string' } } },
    },
    metaData: { type: 'object' },
    rows: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    width: { type: 'integer' },
    height: { type: 'integer' },
  },
};
const one = (value: unknown) => (typeof value === 'string' ? value : undefined);

@ApiTags('dhis2')
@Controller('dhis2')
export class Dhis2Controller {
  constructor(@Inject(ReadSources) private readonly sources: ReadSources) {}

  @Get('dataValueSets')
  @ApiOperation({ summary: 'A DHIS2 data value set (idScheme=code) of one data set, org unit and periods: JSON, CSV or ADX' })
  @ApiQuery({ name: 'dataSet', description: 'data set code, e.g. HF_MONTHLY' })
  @ApiQuery({
    name: 'pe',
    description:
      "periods, `;`-separated DHIS2 ids (201203, 201203B, 2012Q1, 2012) or ranges (201201:201206); each is answered as the data set's own periods it covers, as DHIS2 stores them (HF_MONTHLY: pe=2012 gives 201201..201212), at most 120 of them; a period that is not whole periods of the data set is refused",
  })
  @ApiQuery({ name: 'ou', description: 'org unit code' })
  @ApiQuery({ name: 'children', required: false, enum: ['true', 'false'], description: "true: the org unit's children" })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'adx'], description: 'json (default), csv or adx; or by Accept' })
  @ApiProduces('application/json', 'text/csv', 'application/adx+xml')
  @ApiOkResponse({ description: "DHIS2's data value set", schema: DATA_VALUE_SET })
  async dataValueSets(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.answering(response, async () => {
      checkDhis2Parameters(query, DATA_VALUE_SET_PARAMETERS);
      checkDhis2Choice('children', query.children, ['true', 'false']);
      checkDhis2Choice('format', query.format, ['json', 'csv', 'adx']);
      const dataSet = dataSetOf(mapping, one(query.dataSet) ?? '');
      if (!dataSet) throw new AnalyticsError(`Data set does not exist: ${String(query.dataSet ?? '').slice(0, 40)}`);
      const orgUnit = this.orgUnitInScope(one(query.ou) ?? request.principal?.ou ?? '640100', request.principal);
      const periods = (one(query.pe) ?? '').split(';').filter(Boolean);
      if (periods.length === 0) throw new AnalyticsError('At least one period must be specified (pe)');
      const served = new Set<Served>();
      const set = await dataValueSet(
        catalogue,
        mapping,
        dataSet,
        { orgUnit, periods, children: one(query.children) === 'true' },
        this.answerer(request.principal, served),
      );
      response.setHeader('X-Read-Source', [...served].join(', '));
      const format =
        one(query.format) ??
        (/adx/.test(request.headers.accept ?? '') ? 'adx' : /text\/csv/.test(request.headers.accept ?? '') ? 'csv' : 'json');
      if (format === 'csv')
        response.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${dataSet.code}-${orgUnit}.csv"`);
      if (format === 'adx') response.type('application/adx+xml; charset=utf-8');
      response
        .status(200)
        .send(format === 'csv' ? toDhis2Csv(set) : format === 'adx' ? toAdx(set, dataSet, new Date().toISOString()) : set);
    });
  }

  @Get('analytics')
  @ApiOperation({ summary: "Indicator values in DHIS2's analytics shape (dimension=dx:..., dimension=pe:..., dimension|filter=ou:...)" })
  @ApiQuery({
    name: 'dimension',
    description: 'dx:<data elements or indicators>, pe:<periods>, ou:<org units>, `;`-separated items',
    isArray: true,
  })
  @ApiQuery({ name: 'filter', required: false, description: 'pe:<one period> or ou:<one org unit>', isArray: true })
  @ApiQuery({ name: 'includeNumDen', required: false, enum: ['true', 'false'], description: 'true: numerator and denominator columns' })
  @ApiQuery({
    name: 'displayProperty',
    required: false,
    description: 'taken from DHIS2 clients and without effect: names are always given',
  })
  @ApiQuery({ name: 'skipMeta', required: false, description: 'taken from DHIS2 clients and without effect: the metadata always comes' })
  @ApiOkResponse({ description: "DHIS2's analytics grid", schema: ANALYTICS_GRID })
  async analytics(@Query() query: AnalyticsQuery, @Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    await this.answering(response, async () => {
      checkDhis2Parameters(query as Record<string, unknown>, ANALYTICS_PARAMETERS);
      checkDhis2Choice('includeNumDen', query.includeNumDen, ['true', 'false']);
      const ous = [query.dimension, query.filter]
        .flat()
        .filter((d): d is string => typeof d === 'string' && d.startsWith('ou:'))
        .flatMap((d) => d.slice(3).split(';'));
      for (const ou of ous) this.orgUnitInScope(ou, request.principal);
      const scoped =
        ous.length === 0 && request.principal && request.principal.ou !== '640100'
          ? { ...query, filter: [query.filter ?? []].flat().concat(`ou:${request.principal.ou}`) }
          : query;
      const served = new Set<Served>();
      const grid = await analytics(catalogue, mapping, scoped, this.answerer(request.principal, served));
      response.setHeader('X-Read-Source', [...served].join(', '));
      response.status(200).json(grid);
    });
  }

  /** Answers each indicator from the copy its read model is read from, noting which copies answered in `served`. */
  private answerer(principal: Principal | undefined, served: Set<Served>): Answerer {
    return async (indicator, parsed) => {
      const source = await this.sources.forReadModel(indicator.readModel);
      served.add(source.served);
      // Withheld cells are left out below (never zero); complements judged with their siblings, as GET /indicators.
      return answerSuppressed(source.dataSource, indicator, parsed, principal);
    };
  }

  private orgUnitInScope(code: string, principal: Principal | undefined): string {
    if (!referenceData.level(code)) throw new AnalyticsError(`Organisation unit does not exist: ${code.slice(0, 20)}`);
    if (principal && !withinScope(principal, code, referenceData))
      throw new AnalyticsError(`Organisation unit is outside the user's area: ${code}`);
    return code;
  }

  private async answering(response: Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const refused = error instanceof AnalyticsError || error instanceof IndicatorRequestError || error instanceof PeriodError;
      if (!refused) throw error;
      response.status(HttpStatus.CONFLICT).json(conflict(error.message));
    }
  }
}
