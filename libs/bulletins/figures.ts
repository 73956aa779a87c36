/**
 * The figures of a district's bimonthly bulletin, folded from the log as read up to one position: a pure
 * function of those events, so the same events always give the same figures (the pack is reproducible).
 * Months are the programme calendar's (libs/calendar, Beijing time); a stock is the state at the end of
 * the bimonth's last month, a flow counts what happened in its two months (by occurredAt, as the
 * indicators do); a visit's timeliness is judged by when the log recorded it, as supervision compliance does.
 */
import { monthOfInstant, parsePeriod } from '../domain/supervision/periods';

/** What the fold reads of a recorded event. */
export interface LoggedEvent {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string };
  recordedAt: string;
}

export type VisitStatus = 'on-time' | 'late' | 'missing' | 'pending';

export interface BulletinFigures {
  districtCode: string;
  period: string;
  months: [string, string];
  /** Stocks at the end of the bimonth. */
  households: { enrolled: number; certified: number };
  /** Flows in the bimonth. */
  services: { delivered: number; satisfied: number; validResponses: number };
  visits: { month: string; visits: number; status: VisitStatus }[];
  cases: { opened: number; escalated: number; closed: number; openAtEnd: number; subjectUnits: string[] };
}

/** The event types the fold reads: the log is read with this filter. */
export const FIGURE_EVENT_TYPES = [
  'HouseholdEnrolled',
  'HouseholdWithdrawn',
  'HouseholdCertified',
  'CertificationRevoked',
  'ServiceDelivered',
  'SatisfactionRecorded',
  'SupervisionVisitRecorded',
  'CaseOpened',
  'CaseEscalated',
  'CaseClosed',
  'CaseReopened',
] as const;

export const figureStreamPrefixes = (districtCode: string) => ['household-', 'case-', `supervision-${districtCode}`];

interface Household {
  active: boolean;
  certified: boolean;
}

/**
 * Folds the events (in log order) into the figures of `districtCode` for the bimonth `period`; `asOfMonth`
 * is the month the bulletin is issued in, which decides whether a month without a visit is missing yet.
 */
export function bulletinFigures(events: Iterable<LoggedEvent>, districtCode: string, period: string, asOfMonth: string): BulletinFigures {
  const span = parsePeriod(period);
  if (span?.kind !== 'bimonthly') throw new RangeError(`${period} is not a bimonth`);
  const months: [string, string] = [span.firstMonth, span.lastMonth];
  const inBimonth = (month: string) => month === months[0] || month === months[1];
  const byEnd = (event: LoggedEvent) => monthOfInstant(event.metadata.occurredAt) <= months[1];
  const households = new Map<string, Household>();
  const cases = new Map<string, { open: boolean }>();
  const services = { delivered: 0, satisfied: 0, validResponses: 0 };
  const counts = { opened: 0, escalated: 0, closed: 0 };
  const subjectUnits = new Set<string>();
  // Each service's answer counts once, as in the satisfaction-rates read model.
  const answered = new Set<string>();
  const visitRecords: { month: string; recordedAt: string }[] = [];

  for (const event of events) {
    const d = event.data;
    const household = households.get(event.stream);
    const kase = cases.get(event.stream);
    const month = monthOfInstant(event.metadata.occurredAt);
    switch (event.type) {
      case 'HouseholdEnrolled':
        if (String(d.villageCode).startsWith(districtCode) && byEnd(event))
          households.set(event.stream, { active: true, certified: false });
        break;
      case 'HouseholdWithdrawn':
        if (household && byEnd(event)) household.active = false;
        break;
      case 'HouseholdCertified':
      case 'CertificationRevoked':
        if (household && byEnd(event)) household.certified = event.type === 'HouseholdCertified';
        break;
      case 'ServiceDelivered':
        if (household && inBimonth(monthOfInstant(String(d.deliveredAt)))) services.delivered += 1;
        break;
      case 'SatisfactionRecorded':
        if (!household || answered.has(String(d.serviceId))) break;
        answered.add(String(d.serviceId));
        if (inBimonth(month) && d.response !== 'no-answer') {
          services.validResponses += 1;
          if (d.response === 'satisfied') services.satisfied += 1;
        }
        break;
      case 'SupervisionVisitRecorded':
        if (d.districtCode === districtCode && inBimonth(String(d.month)))
          visitRecords.push({ month: String(d.month), recordedAt: event.recordedAt });
        break;
      case 'CaseOpened':
        if (d.districtCode !== districtCode || !byEnd(event)) break;
        cases.set(event.stream, { open: true });
        if (inBimonth(month)) {
          counts.opened += 1;
          subjectUnits.add(String(d.subjectUnit));
        }
        break;
      case 'CaseEscalated':
        if (kase && inBimonth(month)) counts.escalated += 1;
        break;
      case 'CaseClosed':
      case 'CaseReopened':
        if (!kase || !byEnd(event)) break;
        kase.open = event.type === 'CaseReopened';
        if (event.type === 'CaseClosed' && inBimonth(month)) counts.closed += 1;
        break;
    }
  }
  const active = [...households.values()].filter((h) => h.active);
  return {
    districtCode,
    period,
    months,
    households: { enrolled: active.length, certified: active.filter((h) => h.certified).length },
    services,
    visits: months.map((m) => visitsOf(m, visitRecords, asOfMonth)),
    cases: { ...counts, openAtEnd: [...cases.values()].filter((c) => c.open).length, subjectUnits: [...subjectUnits].sort() },
  };
}

function visitsOf(month: string, records: readonly { month: string; recordedAt: string }[], asOfMonth: string) {
  const mine = records.filter((r) => r.month === month);
  const status: VisitStatus = mine.some((r) => monthOfInstant(r.recordedAt) <= month)
    ? 'on-time'
    : mine.length > 0
      ? 'late'
      : asOfMonth > month
        ? 'missing'
        : 'pending';
  return { month, visits: mine.length, status };
}
