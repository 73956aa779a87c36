import { programmeYearOf } from './programme-calendar';

describe("the programme calendar's year", () => {
  it('is the year in Yinchuan (Asia/Shanghai), not in UTC', () => {
    expect(programmeYearOf('2012-12-31T15:59:59.999Z')).toBe(2012);
    expect(programmeYearOf('2012-12-31T16:00:00.000Z')).toBe(2013);
    expect(programmeYearOf('2012-12-31T20:00:00Z')).toBe(2013);
  });
});
