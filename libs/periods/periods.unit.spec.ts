import { monthOf, monthsOf, parsePeriod, parsePeriods, PeriodError } from './periods';

describe('DHIS2 period codes', () => {
  it.each([
    ['2012', 'yearly', 201201, 201212],
    ['2012S2', 'sixmonthly', 201207, 201212],
    ['2012Q1', 'quarterly', 201201, 201203],
    ['2012Q4', 'quarterly', 201210, 201212],
    ['201203', 'monthly', 201203, 201203],
    ['201201B', 'bimonthly', 201201, 201202],
    ['201203B', 'bimonthly', 201205, 201206],
    ['201206B', 'bimonthly', 201211, 201212],
    ['201201:201206', 'range', 201201, 201206],
    ['2012Q2:2013', 'range', 201204, 201312],
    ['201202B:201203', 'range', 201203, 201203],
  ])('reads %s as a %s period from %d to %d', (code, type, firstMonth, lastMonth) => {
    expect(parsePeriod(code)).toEqual({ code, type, firstMonth, lastMonth });
  });

  it.each([
    '',
    '12',
    '20123',
    '201213',
    '201200',
    '201207B',
    '2012Q5',
    '2012Q0',
    '2012S3',
    '201201:',
    ':201201',
    '201206:201201',
    '2012:2013:2014',
    'Q1',
    '2012q1',
    '0999',
    'last-year',
  ])('refuses %p naming it', (code) => {
    expect(() => parsePeriod(code)).toThrow(PeriodError);
    if (code !== '') expect(() => parsePeriod(code)).toThrow(code);
  });

  it('splits a list on semicolons into one period each', () => {
    expect(parsePeriods('2012Q1;201201B').map((p) => p.code)).toEqual(['2012Q1', '201201B']);
    expect(() => parsePeriods('2012;;2013')).toThrow(PeriodError);
  });

  it('takes the month of an instant in the programme calendar (Beijing time), not UTC', () => {
    expect(monthOf('2012-03-31T15:30:00Z')).toBe(201203);
    expect(monthOf('2012-03-31T23:30:00Z')).toBe(201204);
    expect(monthOf('2012-03-31T23:30:00-02:00')).toBe(201204);
    expect(monthOf('2012-04-01T07:59:59+08:00')).toBe(201204);
  });

  it('lists the months of a period across a year end', () => {
    expect(monthsOf(parsePeriod('201211:201302'))).toEqual([201211, 201212, 201301, 201302]);
  });
});
