/**
 * The periods a scorecard is asked for: a bimonth (`201203B`, May-June... see libs/periods: `MM` is the
 * bimonth 01..06) or a year (`2012`, the mean of its bimonths). Months are `yyyymm` numbers of the
 * programme calendar. Pure; the caller passes the current local month.
 */
import { parsePeriod, PeriodError } from '../periods';
import { effectiveMonth, SchemeVersion } from './scheme';

export class ScorePeriodError extends Error {
  constructor(
    readonly code: 'invalid-period' | 'future-period',
    message: string,
  ) {
    super(message);
    this.name = 'ScorePeriodError';
  }
}

export interface ScoredPeriod {
  code: string;
  kind: 'bimonth' | 'year';
  /** The bimonths scored: a bimonth itself, or a year's bimonths begun by the current month. */
  bimonths: { code: string; firstMonth: number; lastMonth: number }[];
  /** The period before it, for the change (the bimonth or year before). */
  previous: string;
}

export function bimonthCode(year: number, index: number): string {
  return `${year}${String(index).padStart(2, '0')}B`;
}

/** The first month (`yyyymm`) of the bimonth `month` falls in: January, March, May... */
export function bimonthStart(month: number): number {
  return month - (((month % 100) - 1) % 2);
}

function bimonth(year: number, index: number) {
  return { code: bimonthCode(year, index), firstMonth: year * 100 + index * 2 - 1, lastMonth: year * 100 + index * 2 };
}

export function scoredPeriod(code: string, currentMonth: number): ScoredPeriod {
  let period;
  try {
    period = parsePeriod(code);
  } catch (error) {
    if (error instanceof PeriodError) throw new ScorePeriodError('invalid-period', `period ${error.message}`);
    throw error;
  }
  if (period.type !== 'yearly' && period.type !== 'bimonthly')
    throw new ScorePeriodError(
      'invalid-period',
      `period "${code.slice(0, 40)}" is neither a year (2012) nor a bimonth (201203B): scores are kept for those`,
    );
  if (period.firstMonth > currentMonth)
    throw new ScorePeriodError('future-period', `period ${period.code} has not begun (the programme calendar is in ${currentMonth})`);
  const year = Math.floor(period.firstMonth / 100);
  if (period.type === 'yearly') {
    const bimonths = [1, 2, 3, 4, 5, 6].map((i) => bimonth(year, i)).filter((b) => b.firstMonth <= currentMonth);
    return { code: period.code, kind: 'year', bimonths, previous: String(year - 1) };
  }
  const index = ((period.firstMonth % 100) + 1) / 2;
  return {
    code: period.code,
    kind: 'bimonth',
    bimonths: [bimonth(year, index)],
    previous: index === 1 ? bimonthCode(year - 1, 6) : bimonthCode(year, index - 1),
  };
}

/**
 * The version in effect in a bimonth starting in `firstMonth`: the latest taking effect by then (of two
 * taking effect the same day, the later loaded). Undefined before the scheme's first version.
 */
export function versionInEffect(versions: readonly SchemeVersion[], firstMonth: number): SchemeVersion | undefined {
  let chosen: SchemeVersion | undefined;
  for (const v of versions) {
    if (effectiveMonth(v) > firstMonth) continue;
    if (
      !chosen ||
      effectiveMonth(v) > effectiveMonth(chosen) ||
      (effectiveMonth(v) === effectiveMonth(chosen) && v.version > chosen.version)
    )
      chosen = v;
  }
  return chosen;
}
