/**
 * Periods as DHIS2 writes them: ids are the same codes the indicators take (`201203`, `201203B` = May-June,
 * the bimonth's index, `2012Q1`, `2012`), and ADX writes each as an ISO 8601 interval (`2012-05-01/P2M`).
 */
import { monthsOf, parsePeriod, Period, PeriodError } from '../periods';
import type { DataSetMapping } from './mapping';

const DURATION: Partial<Record<Period['type'], string>> = {
  monthly: 'P1M',
  bimonthly: 'P2M',
  quarterly: 'P3M',
  sixmonthly: 'P6M',
  yearly: 'P1Y',
};

export function isoInterval(code: string): string {
  const period = parsePeriod(code);
  const duration = DURATION[period.type];
  if (!duration) throw new RangeError(`period ${code} has no DHIS2 period type`);
  const year = Math.floor(period.firstMonth / 100);
  const month = String(period.firstMonth % 100).padStart(2, '0');
  return `${year}-${month}-01/${duration}`;
}

const MONTHS_OF: Record<string, number> = { P1M: 1, P2M: 2, P3M: 3, P6M: 6, P1Y: 12 };

/** Back from an ADX interval to the period code (for reading an ADX message). */
export function periodOfInterval(interval: string): string {
  const match = /^(\d{4})-(\d{2})-01\/(P1M|P2M|P3M|P6M|P1Y)$/.exec(interval);
  if (!match) throw new RangeError(`"${interval.slice(0, 40)}" is not a DHIS2 period interval`);
  const [, year, mm, duration] = match;
  const month = Number(mm);
  // An interval must be one DHIS2 period: `2012-02-01/P2M` spans two bimonths and has no id.
  if (month < 1 || month > 12 || !startsPeriod(month, MONTHS_OF[duration]))
    throw new RangeError(`"${interval.slice(0, 40)}" does not start a ${duration} period`);
  return idOf(Number(year) * 100 + month, MONTHS_OF[duration]);
}

/** Whether a period `length` months long starts in `month` (yyyymm, or a month 1..12). */
const startsPeriod = (month: number, length: number) => ((month % 100) - 1) % length === 0;

/** The DHIS2 id of the period `length` months long that starts in `month` (yyyymm). */
function idOf(month: number, length: number): string {
  const year = Math.floor(month / 100);
  const m = month % 100;
  switch (length) {
    case 1:
      return String(month);
    case 2:
      return `${year}${String((m + 1) / 2).padStart(2, '0')}B`;
    case 3:
      return `${year}Q${(m + 2) / 3}`;
    case 6:
      return `${year}S${(m + 5) / 6}`;
    default:
      return String(year);
  }
}

type DataSetPeriodType = DataSetMapping['periodType'];
const LENGTH: Record<DataSetPeriodType, number> = { Monthly: 1, BiMonthly: 2, Quarterly: 3, Yearly: 12 };
const EXAMPLE: Record<DataSetPeriodType, string> = { Monthly: '201203', BiMonthly: '201202B', Quarterly: '2012Q1', Yearly: '2012' };
/** One export answers at most ten years of monthly values: a wider span is asked for in parts. */
export const MAX_EXPORT_PERIODS = 120;

/**
 * The data set's own periods that the requested ones cover, in order, each once: DHIS2 stores a data set's
 * values only at its period type, so `pe=2012` of a monthly set is its twelve months (what DHIS2's own
 * startDate/endDate export gives). A period that is not whole periods of the set (a month of a quarterly
 * set) is refused with a PeriodError naming the form to use.
 */
export function periodsOfDataSet(codes: readonly string[], periodType: DataSetPeriodType): string[] {
  const length = LENGTH[periodType];
  const ids = new Set<string>();
  for (const code of codes) {
    const period = parsePeriod(code);
    if (!startsPeriod(period.firstMonth, length) || (period.lastMonth % 100) % length !== 0)
      throw new PeriodError(
        code,
        `is not whole ${periodType} periods of the data set (use e.g. ${EXAMPLE[periodType]}, a year, or a range a:b)`,
      );
    for (const month of monthsOf(period)) if (startsPeriod(month, length)) ids.add(idOf(month, length));
    // Checked after each code, not once at the end: hundreds of long ranges would each be walked first.
    if (ids.size > MAX_EXPORT_PERIODS)
      throw new PeriodError(codes.join(';'), `covers more than ${MAX_EXPORT_PERIODS} ${periodType} periods: ask for fewer at a time`);
  }
  return [...ids];
}
