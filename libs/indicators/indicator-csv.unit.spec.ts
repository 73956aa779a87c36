import { countIndicator } from './count-indicator';
import { csvFilename, toCsv, withYuan } from './indicator-service';

const rate = countIndicator({
  name: 'r',
  title: 'r',
  description: 'r',
  unit: 'proportion',
  readModel: 'm',
  table: 't',
  dimensions: {},
  periodGrain: 'month',
  aggregation: 'stock',
  numerator: { label: 'n', sql: 'sum(n)' },
  denominator: { label: 'd', sql: 'sum(d)' },
  interval: 'wilson',
});

describe('answers as people read them', () => {
  it('rounds rates to 4 decimal places in CSV, intervals too', () => {
    const answer = {
      indicator: 'r',
      unit: 'proportion',
      orgUnit: '640100',
      level: 'city',
      periods: ['2013'],
      by: [],
      reflects: { position: null, recordedAt: null },
      rows: [
        {
          orgUnit: '640100',
          level: 'city' as const,
          period: '2013',
          numerator: 2,
          denominator: 3,
          value: 2 / 3,
          interval: { lower: 0.2076593, upper: 0.938512 },
        },
      ],
    };
    const [header, line] = toCsv(answer, rate).trim().split('\n');
    expect(header).toBe('orgUnit,orgUnitName,level,period,numerator,denominator,value,lower,upper');
    expect(line).toBe('640100,,city,2013,2,3,0.6667,0.2077,0.9385');
  });

  it('puts yuan beside every amount in fen, exactly', () => {
    const row = {
      orgUnit: '640100',
      level: 'city' as const,
      period: '2013',
      numerator: 16_400_000_000,
      denominator: null,
      value: 16_400_000_001,
      principalFen: 105,
      loans: 3,
    };
    expect(withYuan({ unit: 'fen' }, row)).toMatchObject({ valueYuan: 164_000_000.01, principalYuan: 1.05 });
    expect(withYuan({ unit: 'loans' }, row)).not.toHaveProperty('valueYuan');
    expect(withYuan({ unit: 'loans' }, row)).not.toHaveProperty('loansYuan');
  });

  it('names the file by indicator, org unit and periods in safe characters', () => {
    expect(csvFilename({ indicator: 'loans-granted', orgUnit: '640104', periods: ['201201:201206', '2013'] })).toBe(
      'loans-granted_640104_201201-201206_2013.csv',
    );
    expect(csvFilename({ indicator: 'households-active', orgUnit: '640100', periods: [], asOf: '2013-12-31' })).toBe(
      'households-active_640100_2013-12-31.csv',
    );
  });
});
