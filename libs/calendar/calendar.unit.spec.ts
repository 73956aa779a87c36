import fc from 'fast-check';
import {
  asOfInstant,
  instantOfLocalTime,
  localDateOf,
  localDayOf,
  localMonthOf,
  localYearOf,
  programmeTimeZone,
  startOfLocalDay,
  TimeZoneError,
  useProgrammeTimeZone,
} from './calendar';

afterEach(() => useProgrammeTimeZone());

describe('the programme calendar (Beijing time by default)', () => {
  it('counts 21:00 UTC on 31 March in April, and 15:59 UTC in March', () => {
    expect(programmeTimeZone()).toBe('Asia/Shanghai');
    expect(localMonthOf('2012-03-31T21:00:00.000Z')).toBe(201204);
    expect(localMonthOf('2012-03-31T15:59:59.999Z')).toBe(201203);
    expect(localMonthOf('2012-03-31T16:00:00.000Z')).toBe(201204);
  });

  it('puts the last local moments of a year in that year, and its first UTC hours of the new year before 08:00 local in it', () => {
    expect(localYearOf('2012-12-31T15:59:59.000Z')).toBe(2012);
    expect(localYearOf('2012-12-31T16:00:00.000Z')).toBe(2013);
    expect(localDateOf('2015-12-31T17:30:00.000Z')).toEqual({ year: 2016, month: 1, day: 1 });
  });

  it('agrees with adding eight hours, for any instant of the programme years', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2020, 0, 1) }), (ms) => {
        const shifted = new Date(ms + 8 * 3_600_000);
        return localMonthOf(ms) === shifted.getUTCFullYear() * 100 + shifted.getUTCMonth() + 1;
      }),
      { numRuns: 2000 },
    );
  });

  it('starts a local day at 16:00 UTC the day before', () => {
    expect(startOfLocalDay(2013, 12, 31).toISOString()).toBe('2013-12-30T16:00:00.000Z');
    expect(startOfLocalDay(2012, 3, 1).toISOString()).toBe('2012-02-29T16:00:00.000Z');
  });

  it("places a wall-clock time in the programme's zone, whatever the process's own", () => {
    expect(instantOfLocalTime(Date.UTC(2012, 2, 1, 10, 0)).toISOString()).toBe('2012-03-01T02:00:00.000Z');
    expect(instantOfLocalTime(Date.UTC(2012, 2, 31, 23, 59, 59, 999)).toISOString()).toBe('2012-03-31T15:59:59.999Z');
    useProgrammeTimeZone('Europe/Berlin');
    expect(instantOfLocalTime(Date.UTC(2012, 6, 1, 10, 0)).toISOString()).toBe('2012-07-01T08:00:00.000Z');
  });

  it('follows another zone when configured, daylight saving included', () => {
    useProgrammeTimeZone('Europe/Berlin');
    expect(localMonthOf('2012-03-31T22:30:00.000Z')).toBe(201204);
    expect(localMonthOf('2012-03-31T21:30:00.000Z')).toBe(201203);
    expect(startOfLocalDay(2012, 7, 1).toISOString()).toBe('2012-06-30T22:00:00.000Z');
    expect(startOfLocalDay(2012, 1, 1).toISOString()).toBe('2011-12-31T23:00:00.000Z');
  });

  it('refuses a zone that does not exist, naming the setting', () => {
    expect(() => useProgrammeTimeZone('Mars/Olympus')).toThrow(TimeZoneError);
    expect(() => useProgrammeTimeZone('Mars/Olympus')).toThrow(/PROGRAMME_TIME_ZONE/);
    expect(programmeTimeZone()).toBe('Asia/Shanghai');
  });
});

describe('asOf points in the programme calendar', () => {
  it('reads a bare date as the end of that local day, an instant as itself', () => {
    expect(new Date(asOfInstant('2013-12-31')).toISOString()).toBe('2013-12-31T15:59:59.999Z');
    expect(new Date(asOfInstant('2013-12-31T20:00:00Z')).toISOString()).toBe('2013-12-31T20:00:00.000Z');
    expect(asOfInstant('yesterday')).toBeNaN();
    // Without an offset: Beijing wall-clock time, whatever the process's TZ.
    expect(new Date(asOfInstant('2013-12-31T10:00')).toISOString()).toBe('2013-12-31T02:00:00.000Z');
    expect(asOfInstant('2013-12-31T25:00')).toBeNaN();
    expect(localDayOf('2013-12-31T17:00:00.000Z')).toBe(20140101);
  });
});
