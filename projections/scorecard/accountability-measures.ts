/**
 * The accountability measures of a bimonth, folded from the audit trail's rows (case-audit-trail), pure:
 * cases opened against a unit in the bimonth, cases open at its end, cases whose rectification was overdue
 * at its end (ordered or rejected, its deadline passed, not reported), and responsibilities of the unit
 * falling due in it (assigned by its end). "When" is when it happened in the field (occurredAt), in the programme calendar.
 */
import { localMonthOf } from '@libs/calendar';
import { parsePeriod, PeriodError } from '@libs/periods';

/** One trail row, as much as the measures read of it; in log order. */
export interface TrailFact {
  subjectId: string;
  type: string;
  /** The unit scored for it (a district or a department), or null when it counts for no unit of the level. */
  unit: string | null;
  occurredAt: string;
  data: { deadline?: unknown; duePeriod?: unknown; round?: unknown; late?: unknown };
}

export interface Bimonth {
  firstMonth: number;
  lastMonth: number;
  /** The instant (ms) the bimonth ends: the start of the next local month. */
  endsAt: number;
}

export interface AccountabilityCounts {
  'cases-opened': number;
  'cases-open': number;
  'cases-overdue': number;
  'responsibilities-due': number;
}

interface CaseAtEnd {
  unit: string | null;
  open: boolean;
  /** The deadline (ms) of the latest order. */
  deadline: number | null;
  /** Ordered or rejected: the unit owes a report. */
  owed: boolean;
}

export function accountabilityCounts(facts: readonly TrailFact[], bimonth: Bimonth): Map<string, AccountabilityCounts> {
  const counts = new Map<string, AccountabilityCounts>();
  const of = (unit: string) => {
    const found = counts.get(unit) ?? { 'cases-opened': 0, 'cases-open': 0, 'cases-overdue': 0, 'responsibilities-due': 0 };
    counts.set(unit, found);
    return found;
  };
  const cases = new Map<string, CaseAtEnd>();
  for (const fact of facts) {
    if (Date.parse(fact.occurredAt) >= bimonth.endsAt) continue;
    const month = localMonthOf(fact.occurredAt);
    if (fact.type === 'ResponsibilityAssigned') {
      if (fact.unit && dueIn(fact.data.duePeriod, bimonth)) of(fact.unit)['responsibilities-due']++;
      continue;
    }
    if (fact.type === 'CaseOpened' && fact.unit && month >= bimonth.firstMonth) of(fact.unit)['cases-opened']++;
    cases.set(fact.subjectId, foldCase(cases.get(fact.subjectId), fact));
  }
  for (const state of cases.values()) {
    if (!state.unit || !state.open) continue;
    of(state.unit)['cases-open']++;
    if (state.owed && state.deadline !== null && state.deadline < bimonth.endsAt) of(state.unit)['cases-overdue']++;
  }
  return counts;
}

function foldCase(state: CaseAtEnd | undefined, fact: TrailFact): CaseAtEnd {
  const current = state ?? { unit: fact.unit, open: false, deadline: null, owed: false };
  switch (fact.type) {
    case 'CaseOpened':
      return { unit: fact.unit, open: true, deadline: null, owed: false };
    case 'CaseReopened':
      return { ...current, open: true };
    case 'CaseClosed':
      return { ...current, open: false, owed: false };
    case 'RectificationOrdered':
      return { ...current, deadline: typeof fact.data.deadline === 'string' ? Date.parse(fact.data.deadline) : null, owed: true };
    case 'RectificationRejected':
      // Rejected: the report did not do; the order is owed again, by its deadline.
      return { ...current, owed: true };
    case 'RectificationReported':
    case 'RectificationAccepted':
      return { ...current, owed: false };
    default:
      // Criticisms, escalations and accountability change neither whether it is open nor what is owed.
      return current;
  }
}

/** A responsibility is due in the bimonth its due period ends in (201206, 2012Q2, 201203B, 2012S1: by June). */
function dueIn(duePeriod: unknown, bimonth: Bimonth): boolean {
  if (typeof duePeriod !== 'string') return false;
  try {
    const { lastMonth } = parsePeriod(duePeriod);
    return lastMonth >= bimonth.firstMonth && lastMonth <= bimonth.lastMonth;
  } catch (error) {
    if (error instanceof PeriodError) return false;
    throw error;
  }
}
