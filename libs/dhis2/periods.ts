/**
 * Periods as DHIS2 writes them: ids are the same codes the indicators take (`201203`, `201203B` = May-June,
 * the bimonth's index, `2012Q1`, `2012`), and ADX writes each as an ISO 8601 interval (`2012-05-01/P2M`).
 */
import { parsePeriod, Period } from '../periods';

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

/** Back from an ADX interval to the period code (for reading an ADX message). */
export function periodOfInterval(interval: string): string {
  const match = /^(\d{4})-(\d{2})-01\/(P1M|P2M|P3M|P6M|P1Y)$/.exec(interval);
  if (!match) throw new RangeError(`"${interval.slice(0, 40)}" is not a DHIS2 period interval`);
  const [, year, mm, duration] = match;
  const month = Number(mm);
  switch (duration) {
    case 'P1M':
      return `${year}${mm}`;
    case 'P2M':
      return `${year}${String((month + 1) / 2).padStart(2, '0')}B`;
    case 'P3M':
      return `${year}Q${(month + 2) / 3}`;
    case 'P6M':
      return `${year}S${(month + 5) / 6}`;
    default:
      return year;
  }
}
