/**
 * Random but valid campaign histories, for the property and crash tests: every event is one the deciders
 * could have accepted (no service for a withdrawn household, a repayment never above what is owed, one
 * rating per service). Each step is driven by one seed, so fast-check can shrink a failing history.
 */
import { randomUUID } from 'node:crypto';
import { EventStore, JsonObject } from '@libs/event-store';
import { Position } from '@libs/event-store/position';
import { CampaignEvent } from './campaign-event';
import { ScreeningRecord, screeningStep } from './screening-steps';
import { GeneratedSupport, supportStep } from './support-step';

export type { CampaignEvent } from './campaign-event';

const VILLAGES = ['640104001001', '640104001002', '640104002001', '640105001001', '640121002003', '640181002003'];
const CATEGORIES = ['developing', 'stable', 'elderly', 'new-urban'];
const FOCUS = ['civility', 'health', 'birth-and-parenting', 'prosperity', 'social-contribution'];
const KINDS = ['knowledge', 'skills', 'project', 'health-service', 'loan', 'care'];
const RESPONSES = ['satisfied', 'neutral', 'dissatisfied', 'no-answer'];

interface Household {
  id: string;
  category: string;
  active: boolean;
  certified: boolean;
  needs: string[];
  unrated: { id: string; focusArea: string }[];
}
interface Loan {
  id: string;
  householdId: string;
  outstanding: number;
}
interface Activity {
  id: string;
  facts: JsonObject;
}

const ACTIVITY_KINDS = ['happiness-training', 'lecture', 'three-checks-round', 'outreach-performance'];
const ACTIVITY_UNITS = ['640104', '640104001', '640104001001', '640105001001', '640100'];

/** One group-activity step: a new activity held, or one held corrected or cancelled (each consistent with its past). */
function activityStep(r: () => number, activities: Activity[], events: CampaignEvent[], occurredAt: string): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const facts = (): JsonObject => ({
    kind: pick(ACTIVITY_KINDS),
    focusArea: pick(FOCUS),
    orgUnitCode: pick(ACTIVITY_UNITS),
    departmentCode: 'health',
    heldOn: `2012-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    sessions: 1 + Math.floor(r() * 5),
    attendance: Math.floor(r() * 500),
    costFen: Math.floor(r() * 1_000_000),
    materials: { boards: Math.floor(r() * 3), walls: 0, billboards: Math.floor(r() * 2), lightBoxes: 0 },
  });
  const held = activities.length > 0 && r() < 0.5 ? pick(activities) : undefined;
  if (!held) {
    const activity = { id: randomUUID(), facts: facts() };
    activities.push(activity);
    events.push({
      stream: `activity-${activity.id}`,
      type: 'GroupActivityHeld',
      data: { activityId: activity.id, reason: 'plan', ...activity.facts },
      occurredAt,
    });
  } else if (r() < 0.7) {
    const after = { ...held.facts, attendance: Math.floor(r() * 500), sessions: 1 + Math.floor(r() * 5) };
    events.push({
      stream: `activity-${held.id}`,
      type: 'GroupActivityCorrected',
      data: { activityId: held.id, reason: 'recount', before: held.facts, after },
      occurredAt,
    });
    held.facts = after;
  } else {
    activities.splice(activities.indexOf(held), 1);
    events.push({
      stream: `activity-${held.id}`,
      type: 'GroupActivityCancelled',
      data: { activityId: held.id, reason: 'twice', before: held.facts },
      occurredAt,
    });
  }
}

/** mulberry32: a tiny deterministic generator, so a seed always gives the same step. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCampaign(seeds: readonly number[]): CampaignEvent[] {
  const households: Household[] = [];
  const loans: Loan[] = [];
  const activities: Activity[] = [];
  const screenings: ScreeningRecord[] = [];
  const supports: GeneratedSupport[] = [];
  const events: CampaignEvent[] = [];
  for (const seed of seeds) {
    const r = random(seed);
    if (r() < 0.25) activityStep(r, activities, events, '2012-10-01T02:00:00.000Z');
    if (r() < 0.3) screeningStep(r, screenings, events, '2012-10-01T02:00:00.000Z');
    supportStep(random(seed ^ 0x5eed), households, supports, events);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
    const when = () => `${2012 + Math.floor(r() * 2)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15T02:00:00.000Z`;
    const active = households.filter((h) => h.active);
    const emit = (h: { id: string }, type: string, data: JsonObject, stream = `household-${h.id}`) =>
      events.push({ stream, type, data: { householdId: h.id, ...data }, occurredAt: when() });
    const action = Math.floor(r() * 10);
    const h = active.length > 0 ? pick(active) : undefined;
    const loan = loans.length > 0 ? pick(loans) : undefined;
    if (!h || action === 0) {
      const fresh: Household = { id: randomUUID(), category: pick(CATEGORIES), active: true, certified: false, needs: [], unrated: [] };
      households.push(fresh);
      emit(fresh, 'HouseholdEnrolled', {
        villageCode: pick(VILLAGES),
        category: fresh.category,
        members: 1 + Math.floor(r() * 6),
        head: { name: 'Generated Head' },
        enrolmentYear: 2012,
        batch: 1,
      });
    } else if (action === 1) {
      const to = pick(CATEGORIES.filter((c) => c !== h.category));
      emit(h, 'HouseholdRecategorized', { from: h.category, to, reason: 'reassessed' });
      h.category = to;
    } else if (action === 2 && r() < 0.3) {
      emit(h, 'HouseholdWithdrawn', { reason: 'moved away' });
      Object.assign(h, { active: false, certified: false });
    } else if (action === 3) {
      const needId = randomUUID();
      h.needs.push(needId);
      emit(h, 'NeedRecorded', { needId, focusArea: pick(FOCUS), kind: pick(KINDS), description: 'generated need' });
    } else if (action === 4) {
      const service = { id: randomUUID(), focusArea: pick(FOCUS) };
      h.unrated.push(service);
      const needId = h.needs.length > 0 && r() < 0.6 ? { needId: pick(h.needs) } : {};
      emit(h, 'ServiceDelivered', {
        serviceId: service.id,
        ...needId,
        departmentCode: 'health',
        serviceTypeCode: 'health-check',
        focusArea: service.focusArea,
        deliveredAt: when(),
      });
    } else if (action === 5 && h.unrated.length > 0) {
      const service = h.unrated.shift()!;
      emit(h, 'SatisfactionRecorded', {
        serviceId: service.id,
        response: pick(RESPONSES),
        departmentCode: 'health',
        serviceTypeCode: 'health-check',
        focusArea: service.focusArea,
      });
    } else if (action === 6) {
      emit(
        h,
        h.certified ? 'CertificationRevoked' : 'HouseholdCertified',
        h.certified ? { criteriaVersion: 'v1', reason: 'reassessed' } : { criteriaVersion: 'v1', assessedBy: 'staff-1' },
      );
      h.certified = !h.certified;
    } else if (action === 7 || !loan) {
      const fresh: Loan = { id: randomUUID(), householdId: h.id, outstanding: 100_000 * (1 + Math.floor(r() * 50)) };
      loans.push(fresh);
      const group = pick(['woman', 'youth']);
      emit(
        h,
        'LoanGranted',
        {
          loanId: fresh.id,
          borrowerGroup: group,
          programmeCode: group === 'woman' ? 'womens-micro-loan' : 'youth-entrepreneurship-loan',
          principalFen: fresh.outstanding,
          interestSubsidyBps: 700,
          termMonths: 24,
          lender: 'Rural Credit Cooperative',
        },
        `loan-${fresh.id}`,
      );
    } else {
      const owner = { id: loan.householdId };
      const stream = `loan-${loan.id}`;
      loans.splice(loans.indexOf(loan), 1);
      if (action === 8 && r() < 0.3) {
        emit(owner, 'LoanDefaulted', { loanId: loan.id, outstandingFen: loan.outstanding, reason: 'stopped paying' }, stream);
        continue;
      }
      const amount = r() < 0.4 ? loan.outstanding : Math.max(1, Math.floor(loan.outstanding * r()));
      loan.outstanding -= amount;
      emit(owner, 'LoanRepaymentRecorded', { loanId: loan.id, amountFen: amount, outstandingFen: loan.outstanding }, stream);
      if (loan.outstanding === 0) emit(owner, 'LoanRepaid', { loanId: loan.id, principalFen: 0 }, stream);
      else loans.push(loan);
    }
  }
  return events;
}

/** Appends the events in order, consecutive events of one stream in one append; returns the last position. */
export async function appendCampaign(store: EventStore, events: readonly CampaignEvent[]): Promise<Position | undefined> {
  let last: Position | undefined;
  for (let i = 0; i < events.length;) {
    let j = i + 1;
    while (j < events.length && events[j].stream === events[i].stream && j - i < 500) j++;
    ({ position: last } = await store.appendToStream(
      events[i].stream,
      events.slice(i, j).map((e) => ({
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: { actor: 'generator', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: e.occurredAt },
      })),
    ));
    i = j;
  }
  return last;
}
