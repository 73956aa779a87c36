/**
 * Rectifications discharged on time, pure: of the rectifications ordered of a unit whose deadline falls in
 * the bimonth, how many were reported by it (the report's own `late` flag) and not rejected since, as the
 * trail stands at the bimonth's end. An order let go before its deadline (the case closed first, and not
 * reopened) is not counted as due. Version 2's measure of duties carried out: a responsibility records no
 * discharge of its own (ResponsibilityAssigned is its only event), a rectification does (docs/assessment.md).
 */
import { startOfLocalDay } from '@libs/calendar';
import type { Bimonth, TrailFact } from './accountability-measures';

export interface DutiesOnTime {
  /** Rectifications whose deadline fell in the bimonth. */
  due: number;
  /** Of those, reported by the deadline and not rejected by the bimonth's end. */
  onTime: number;
}

interface Round {
  unit: string | null;
  deadline: number;
  onTime: boolean;
  /** The case closed before the deadline with this round not discharged: the order was let go. */
  letGo: boolean;
}

/**
 * `now` is when the trail is read (the scorecard's asOf): a round neither discharged nor past its deadline by then
 * is not yet due, so a bimonth in progress is not marked down for deadlines still to come.
 */
export function rectificationsOnTime(facts: readonly TrailFact[], bimonth: Bimonth, now = Infinity): Map<string, DutiesOnTime> {
  const startsAt = startOfLocalDay(Math.floor(bimonth.firstMonth / 100), bimonth.firstMonth % 100, 1).getTime();
  const units = new Map<string, string | null>();
  // By case, then by round: a case's closing or reopening speaks of all its rounds.
  const cases = new Map<string, Map<string, Round>>();
  const roundsOf = (caseId: string) => cases.get(caseId) ?? cases.set(caseId, new Map()).get(caseId)!;
  for (const fact of facts) {
    const at = Date.parse(fact.occurredAt);
    if (at >= bimonth.endsAt) continue;
    if (fact.type === 'CaseOpened') units.set(fact.subjectId, fact.unit);
    const rounds = roundsOf(fact.subjectId);
    const round = rounds.get(String(fact.data.round));
    switch (fact.type) {
      case 'RectificationOrdered':
        if (typeof fact.data.deadline === 'string')
          rounds.set(String(fact.data.round), {
            unit: units.get(fact.subjectId) ?? fact.unit,
            deadline: Date.parse(fact.data.deadline),
            onTime: false,
            letGo: false,
          });
        break;
      case 'RectificationReported':
        // `late` is the case's own judgement against the deadline; an older report without it is judged here.
        if (round) round.onTime = typeof fact.data.late === 'boolean' ? !fact.data.late : at <= round.deadline;
        break;
      case 'RectificationRejected':
        if (round) round.onTime = false;
        break;
      case 'CaseClosed':
        for (const r of rounds.values()) if (!r.onTime && at < r.deadline) r.letGo = true;
        break;
      case 'CaseReopened':
        // The rectification stands as it was at closing: owed again, by its deadline.
        for (const r of rounds.values()) r.letGo = false;
        break;
      default:
        break;
    }
  }
  const counts = new Map<string, DutiesOnTime>();
  for (const r of [...cases.values()].flatMap((rounds) => [...rounds.values()])) {
    if (!r.unit || r.letGo || r.deadline < startsAt || r.deadline >= bimonth.endsAt) continue;
    if (!r.onTime && r.deadline > now) continue;
    const found = counts.get(r.unit) ?? { due: 0, onTime: 0 };
    counts.set(r.unit, { due: found.due + 1, onTime: found.onTime + (r.onTime ? 1 : 0) });
  }
  return counts;
}
