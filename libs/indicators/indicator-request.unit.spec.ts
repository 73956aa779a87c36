import { IndicatorDefinition } from './definitions';
import { IndicatorRequestError, MAX_PERIOD_MONTHS, MAX_PERIODS, parseIndicatorRequest } from './indicator-request';

const definition = (aggregation: 'flow' | 'stock'): IndicatorDefinition => ({
  name: `a-${aggregation}`,
  title: 'A count',
  description: 'for the parser',
  unit: 'households',
  readModel: 'category-counts',
  numerator: { label: 'households' },
  dimensions: { category: 'category' },
  periodGrain: 'month',
  aggregation,
});
const flow = definition('flow');
const stock = definition('stock');
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof IndicatorRequestError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
};

describe('the periods and days an indicator request may ask for', () => {
  it(`takes ${MAX_PERIODS} monthly periods, and one range of ${MAX_PERIOD_MONTHS / 12} years`, () => {
    const months = Array.from({ length: MAX_PERIODS }, (_, i) => 2012_00 + Math.floor(i / 12) * 100 + (i % 12) + 1);
    expect(parseIndicatorRequest(flow, { pe: months.join(';') }).periods).toHaveLength(MAX_PERIODS);
    expect(parseIndicatorRequest(flow, { pe: `1900:${1900 + MAX_PERIOD_MONTHS / 12 - 1}` }).periods).toHaveLength(1);
  });

  it('refuses more periods than one DHIS2 export holds, naming the limit', () => {
    const years = Array.from({ length: MAX_PERIODS + 1 }, (_, i) => 1900 + i);
    expect(refusal(() => parseIndicatorRequest(stock, { pe: years.join(';') }))).toEqual({
      code: 'invalid-period',
      message: `${MAX_PERIODS + 1} periods asked for; at most ${MAX_PERIODS} at a time`,
    });
  });

  it('refuses periods covering more months together than the limit, however few they are', () => {
    expect(refusal(() => parseIndicatorRequest(flow, { pe: '1900:2999' }))).toMatchObject({
      code: 'invalid-period',
      message: `the periods cover 13200 months; at most ${MAX_PERIOD_MONTHS} at a time`,
    });
    expect(refusal(() => parseIndicatorRequest(flow, { pe: '1900:2012;1901:2012;1902:2012' }))).toMatchObject({ code: 'invalid-period' });
  });

  it("refuses an asOf day outside the periods' years (Date.UTC would read 0000 as 1900), and takes a leap day", () => {
    for (const asOf of ['0000-01-01', '0099-12-31', '1899-12-31', '3000-01-01'])
      expect(refusal(() => parseIndicatorRequest(stock, { asOf }))).toMatchObject({ code: 'invalid-parameter' });
    expect(parseIndicatorRequest(stock, { asOf: '2012-02-29' }).asOf).toBe('2012-02-29');
    expect(refusal(() => parseIndicatorRequest(stock, { asOf: '2013-02-29' }))).toMatchObject({ code: 'invalid-parameter' });
  });
});
