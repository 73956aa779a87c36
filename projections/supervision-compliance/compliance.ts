/**
 * The pure part of supervision compliance: for each month, was the district visited; for each bimonth,
 * was a bulletin issued; and was it on time. Lateness is judged by when the log *recorded* the report
 * (recordedAt, city calendar), not by the occurredAt the client claims, which could be backdated.
 *  - A month's visit is due within that month.
 *  - A bimonth's bulletin is due by the end of the month after it (201201B, Jan-Feb: by the end of March).
 * A period no supervisor's term touched is `unsupervised`; one whose due month has not ended, `pending`.
 */
import { bimonthOf, monthOfInstant, parsePeriod } from '@libs/domain/supervision';

export type ComplianceStatus = 'on-time' | 'late' | 'missing' | 'pending' | 'unsupervised';

export interface Term {
  supervisorId: string;
  from: string;
  until: string | null;
}

export interface Report {
  /** The month (visits) or bimonth (bulletins) reported on. */
  period: string;
  recordedAt: string;
}

export interface PeriodCompliance {
  period: string;
  /** Last month in which the report counts as on time. */
  dueBy: string;
  reports: number;
  status: ComplianceStatus;
}

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6));
  return m === 12 ? `${year + 1}01` : `${year}${String(m + 1).padStart(2, '0')}`;
}

export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last && months.length < 1200; m = nextMonth(m)) months.push(m);
  return months;
}

function supervised(terms: readonly Term[], firstMonth: string, lastMonth: string): boolean {
  return terms.some((t) => monthOfInstant(t.from) <= lastMonth && (t.until === null || monthOfInstant(t.until) >= firstMonth));
}

function judge(reports: readonly Report[], dueBy: string, isSupervised: boolean, currentMonth: string): ComplianceStatus {
  if (reports.some((r) => monthOfInstant(r.recordedAt) <= dueBy)) return 'on-time';
  if (reports.length > 0) return 'late';
  if (!isSupervised) return 'unsupervised';
  return currentMonth > dueBy ? 'missing' : 'pending';
}

export function visitCompliance(
  months: readonly string[],
  visits: readonly Report[],
  terms: readonly Term[],
  currentMonth: string,
): PeriodCompliance[] {
  return months.map((month) => {
    const reports = visits.filter((v) => v.period === month);
    return {
      period: month,
      dueBy: month,
      reports: reports.length,
      status: judge(reports, month, supervised(terms, month, month), currentMonth),
    };
  });
}

export function bulletinCompliance(
  months: readonly string[],
  bulletins: readonly Report[],
  terms: readonly Term[],
  currentMonth: string,
): PeriodCompliance[] {
  const periods = [...new Set(months.map(bimonthOf))];
  return periods.map((period) => {
    const span = parsePeriod(period)!;
    const dueBy = nextMonth(span.lastMonth);
    const reports = bulletins.filter((b) => b.period === period);
    return {
      period,
      dueBy,
      reports: reports.length,
      status: judge(reports, dueBy, supervised(terms, span.firstMonth, span.lastMonth), currentMonth),
    };
  });
}
