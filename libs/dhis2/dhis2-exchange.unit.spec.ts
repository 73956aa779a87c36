/**
 * The DHIS2 exchange's edges: a period range in a filter, rows of indicators reported below the org unit
 * asked for, a data set's own periods, the ADX complete date in Beijing time, intervals off a period boundary.
 */
import { IndicatorAnswer, IndicatorRequest, IndicatorRow, indicatorCatalogue } from '../indicators';
import { analytics, AnalyticsError } from './analytics';
import { Dhis2Mapping } from './mapping';
import mappingFile from './mapping.v1.json';
import { periodOfInterval, periodsOfDataSet } from './periods';
import { toAdx } from './formats';

const mapping = mappingFile as Dhis2Mapping;
const catalogue = indicatorCatalogue([
  { name: 'households-enrolled', title: 'Enrolled', dimensions: {}, numerator: { label: 'n' }, periodGrain: 'month' },
  { name: 'pilot-coverage', title: 'Pilot coverage', dimensions: {}, numerator: { label: 'n' }, periodGrain: 'month', levels: ['village'] },
] as never);
const VILLAGES = ['640104001001', '640104001002'];

/** An answerer that records each request and answers one row per period and unit (villages when the level is village). */
function recording() {
  const requests: IndicatorRequest[] = [];
  const answer = async (indicator: { name: string }, request: IndicatorRequest): Promise<IndicatorAnswer> => {
    requests.push(request);
    const units = request.level === 'village' ? VILLAGES : [request.orgUnit];
    const rows = (request.periods ?? []).flatMap((period) =>
      units.map((orgUnit, i): IndicatorRow => ({
        orgUnit,
        level: request.level,
        period: period.code,
        numerator: 10 + i,
        denominator: 20,
        value: (10 + i) / 20,
      })),
    );
    return {
      indicator: indicator.name,
      unit: 'count',
      orgUnit: request.orgUnit,
      level: request.level,
      periods: [],
      by: [],
      reflects: { position: null, recordedAt: null },
      rows,
    };
  };
  return { requests, answer };
}

describe('DHIS2 analytics', () => {
  it('reads filter=pe:201201:201212 as the whole range, not its first period', async () => {
    const { requests, answer } = recording();
    const grid = await analytics(
      catalogue,
      mapping,
      { dimension: 'dx:households-enrolled', filter: ['pe:201201:201212', 'ou:640104'] },
      answer,
    );
    expect(requests[0].periods?.map((p) => [p.code, p.firstMonth, p.lastMonth])).toEqual([['201201:201212', 201201, 201212]]);
    expect(grid.metaData.dimensions.pe).toEqual(['201201:201212']);
  });

  it("labels each row with its cell's own org unit, and lists those units in the metaData", async () => {
    const { answer } = recording();
    const grid = await analytics(catalogue, mapping, { dimension: ['dx:pilot-coverage', 'pe:201203', 'ou:640100'] }, answer);
    expect(grid.rows).toEqual([
      ['pilot-coverage', '201203', VILLAGES[0], '0.5'],
      ['pilot-coverage', '201203', VILLAGES[1], '0.55'],
    ]);
    for (const village of VILLAGES) {
      expect(grid.metaData.dimensions.ou).toContain(village);
      expect(grid.metaData.items[village].name).not.toBe(village);
    }
  });

  it('refuses an org unit filter that the indicator answers only for the units below it (rows would repeat coordinates)', async () => {
    const { answer } = recording();
    const query = { dimension: ['dx:pilot-coverage', 'pe:201203'], filter: 'ou:640100' };
    await expect(analytics(catalogue, mapping, query, answer)).rejects.toThrow(AnalyticsError);
    await expect(analytics(catalogue, mapping, query, answer)).rejects.toThrow(/dimension=ou:640100/);
  });
});

describe("a data set's own periods", () => {
  it('expands years, quarters, bimonths and ranges into the months of a monthly data set, each once', () => {
    expect(periodsOfDataSet(['2012'], 'Monthly')).toEqual([
      '201201',
      '201202',
      '201203',
      '201204',
      '201205',
      '201206',
      '201207',
      '201208',
      '201209',
      '201210',
      '201211',
      '201212',
    ]);
    expect(periodsOfDataSet(['201201:201203', '2012Q1', '201202B'], 'Monthly')).toEqual(['201201', '201202', '201203', '201204']);
    expect(periodsOfDataSet(['201211:201302'], 'Monthly')).toEqual(['201211', '201212', '201301', '201302']);
  });

  it("expands into a coarser data set's periods, and refuses a period that is not whole periods of it, naming the form", () => {
    expect(periodsOfDataSet(['2012'], 'Quarterly')).toEqual(['2012Q1', '2012Q2', '2012Q3', '2012Q4']);
    expect(periodsOfDataSet(['2012S2'], 'BiMonthly')).toEqual(['201204B', '201205B', '201206B']);
    expect(periodsOfDataSet(['2012Q1:2013Q4'], 'Yearly')).toEqual(['2012', '2013']);
    expect(() => periodsOfDataSet(['201202'], 'Quarterly')).toThrow(/whole Quarterly periods/);
    expect(() => periodsOfDataSet(['2012W1'], 'Monthly')).toThrow(/is not a period/);
  });

  it('refuses more periods than one export answers', () => {
    expect(periodsOfDataSet(['2003:2012'], 'Monthly')).toHaveLength(120);
    expect(() => periodsOfDataSet(['2000:2999'], 'Monthly')).toThrow(/more than 120/);
  });
});

describe('ADX', () => {
  it('writes completeDate as the Beijing date of the export: 20:00 UTC on 31 March is 1 April there', () => {
    const value = { dataElement: 'HF_SATISFIED', period: '201203', orgUnit: '640104', categoryOptionCombo: 'default' };
    const set = {
      dataSet: 'HF_MONTHLY',
      dataValues: [{ ...value, attributeOptionCombo: 'default', value: '9', storedBy: '', lastUpdated: '', comment: '', followup: false }],
    };
    expect(toAdx(set, mapping.dataSets[0], '2012-03-31T20:00:00.000Z')).toContain('completeDate="2012-04-01"');
    expect(toAdx(set, mapping.dataSets[0], '2012-03-31T15:59:59.000Z')).toContain('completeDate="2012-03-31"');
  });

  it('refuses an interval that does not start a period of its length', () => {
    for (const interval of ['2012-02-01/P2M', '2012-02-01/P3M', '2012-04-01/P6M', '2012-03-01/P1Y', '2012-13-01/P1M', '2012-00-01/P1M'])
      expect(() => periodOfInterval(interval)).toThrow(RangeError);
    expect(periodOfInterval('2012-07-01/P6M')).toBe('2012S2');
  });
});
