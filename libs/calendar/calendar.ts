/**
 * The programme's calendar: every instant is stored in UTC, and every period it counts in (month, bimonth,
 * quarter, year) is read in the city's time zone, Beijing time by default. A service delivered at 21:00 UTC
 * on 31 March happened on 1 April in Yinchuan and counts in April, in Q2 and in bimonth 02B everywhere.
 * The zone is a setting (PROGRAMME_TIME_ZONE, an IANA name); changing it needs a rebuild of the read models.
 */
export const DEFAULT_PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

/** A time zone that is not an IANA name this runtime knows; the message names the setting. */
export class TimeZoneError extends Error {
  override readonly name = 'TimeZoneError';
}

let zone = DEFAULT_PROGRAMME_TIME_ZONE;
let parts = formatterFor(zone);
// Offsets are whole quarter hours in every zone, so an instant's local date is that of its quarter hour.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const dates = new Map<number, LocalDate>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hourCycle: 'h23' });
  } catch {
    throw new TimeZoneError(`PROGRAMME_TIME_ZONE "${timeZone.slice(0, 60)}" is not a time zone (an IANA name such as Asia/Shanghai)`);
  }
}

/** Sets the programme's zone, once at start-up (the composition root reads the setting). */
export function useProgrammeTimeZone(timeZone: string = DEFAULT_PROGRAMME_TIME_ZONE): void {
  parts = formatterFor(timeZone);
  zone = timeZone;
  dates.clear();
}

export function programmeTimeZone(): string {
  return zone;
}

/** The local calendar date of an instant (an ISO-8601 string or epoch milliseconds) in the programme's zone. */
export function localDateOf(instant: string | number): LocalDate {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError('not an ISO-8601 instant');
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let date = dates.get(bucket);
  if (!date) {
    const fields = Object.fromEntries(parts.formatToParts(ms).map((p) => [p.type, p.value]));
    date = { year: Number(fields.year), month: Number(fields.month), day: Number(fields.day) };
    if (dates.size > 200_000) dates.clear();
    dates.set(bucket, date);
  }
  return date;
}

/** `yyyymm` (a number, 201204) of the local month an instant falls in. */
export function localMonthOf(instant: string | number): number {
  const { year, month } = localDateOf(instant);
  return year * 100 + month;
}

export function localYearOf(instant: string | number): number {
  return localDateOf(instant).year;
}

/**
 * The UTC instant at which a local calendar day starts in the programme's zone (for `asOf=2013-12-31`, the
 * end of that day is the start of the next): midnight as if UTC, less the zone's offset there.
 */
export function startOfLocalDay(year: number, month: number, day: number): Date {
  return instantOfLocalTime(Date.UTC(year, month - 1, day));
}

/**
 * The UTC instant at which the programme's zone shows a wall-clock time, given as if it were UTC (the epoch
 * milliseconds of `Date.UTC` of its fields): `2012-03-01T10:00` in Beijing is 02:00 UTC. Independent of the
 * process's own time zone (TZ), which a `Date` read from text without an offset would follow.
 */
export function instantOfLocalTime(asIfUtc: number): Date {
  const firstGuess = asIfUtc - offsetMs(asIfUtc);
  return new Date(asIfUtc - offsetMs(firstGuess));
}

/** The zone's offset from UTC at an instant: its local wall-clock time read as UTC, less the instant. */
function offsetMs(ms: number): number {
  const f = Object.fromEntries(
    wallClock()
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(ms / 1000) * 1000;
}

let wallClockFormat: Intl.DateTimeFormat | undefined;
function wallClock(): Intl.DateTimeFormat {
  if (wallClockFormat?.resolvedOptions().timeZone !== zone) {
    wallClockFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  }
  return wallClockFormat;
}

/** `yyyymmdd` (a number, 20131231) of the local day an instant falls in: the grain of stocks' changes. */
export function localDayOf(instant: string | number): number {
  const { year, month, day } = localDateOf(instant);
  return year * 10_000 + month * 100 + day;
}

/**
 * An `asOf` point in milliseconds: a bare local day (`2013-12-31`) means the end of that day in the programme's
 * zone (the last millisecond before the next local midnight), not UTC midnight; a date-time without an offset
 * is wall-clock time there, not in the process's TZ; an instant is itself. NaN when neither.
 */
export function asOfInstant(text: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [year, month, date] = day.slice(1).map(Number);
    return startOfLocalDay(year, month, date + 1).getTime() - 1;
  }
  const asIfUtc = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text) ? Date.parse(`${text}Z`) : undefined;
  if (asIfUtc === undefined) return Date.parse(text);
  return Number.isNaN(asIfUtc) ? NaN : instantOfLocalTime(asIfUtc).getTime();
}
