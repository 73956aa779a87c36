/**
 * The programme's calendar is the city's (Asia/Shanghai): instants are stored in UTC, and a date is
 * bucketed by where it falls in Yinchuan. A household enrolled at 2012-12-31T20:00Z was enrolled in 2013.
 */
const YEAR_IN_SHANGHAI = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The programme-calendar year an ISO-8601 instant falls in. */
export function programmeYearOf(iso: string): number {
  return Number(YEAR_IN_SHANGHAI.format(new Date(iso)));
}
