/**
 * The dashboard asks for a typed period only once the API can read it (apps/web/src/components/period-code.ts,
 * the forms of libs/periods): a code typed halfway asks nothing and is said to be incomplete.
 */
import { isPeriodCode } from '@apps/web/src/components/period-code';
import { parsePeriods } from '@libs/periods/periods';

const reads = (code: string) => {
  try {
    parsePeriods(code);
    return true;
  } catch {
    return false;
  }
};

describe('a typed period', () => {
  const whole = ['2012', '2012S2', '2012Q1', '201201B', '201206B', '201203', '201212', '201201:201206', '2012Q1:2012Q2', '2012;2013'];
  const halfway = ['', '2', '201', '2012Q', '2012Q5', '20120', '201213', '201207B', '201201:', '2012-03', '2012年'];

  it('is asked for when it is whole, as the API reads it', () => {
    expect(whole.map(isPeriodCode)).toEqual(whole.map(() => true));
    expect(whole.map(reads)).toEqual(whole.map(() => true));
  });

  it('is not asked for halfway typed, which the API would refuse', () => {
    expect(halfway.map(isPeriodCode)).toEqual(halfway.map(() => false));
    expect(halfway.map(reads)).toEqual(halfway.map(() => false));
  });
});
