/**
 * A household's month: enrolment and its needs assessment, new needs, services answering earlier needs
 * (and a few answering none), ratings of those services, and the rare recategorization, certification,
 * revocation or withdrawal. Each month draws from its own keyed PRNG, and the acts are given sorted
 * instants in the order their rules need (a need before the service answering it, a service before its
 * rating); a withdrawal comes last, after the working days.
 */
import { householdStream } from '../domain/household';
import * as H from '../domain/household/commands';
import { FocusArea, HouseholdCategory, NeedKind } from '../domain/household/events';
import { DAY, officeInstants, monthStart, WORKING_DAYS } from './calendar';
import { CAMPAIGN_FIGURES as F, FOCUS_BY_CATEGORY, NEED_KINDS_BY_FOCUS } from './figures';
import { seededUuid } from './ids';
import { StreamWriter, TimedItem } from './items';
import { CampaignPart } from './part';
import { CampaignPlan, HouseholdProfile } from './plan';
import { evenlySpread, Random, weightedAt } from './random';
import { ServiceCatalogue } from './services';

interface OpenNeed {
  needId: string;
  focusArea: FocusArea;
}

export class HouseholdProgress {
  readonly writer: StreamWriter;
  category: HouseholdCategory;
  certified = false;
  withdrawn = false;
  openNeeds: OpenNeed[] = [];
  needs = 0;
  services = 0;
  ratings = 0;
  /** Where the household's ratings start on their evenly spread sequence (random.ts, evenlySpread). */
  readonly ratingPhase: number;

  constructor(
    readonly profile: HouseholdProfile,
    seed: number,
  ) {
    this.writer = new StreamWriter(seed, householdStream(profile.householdId));
    this.category = profile.category;
    this.ratingPhase = Random.for(seed, 'ratings', profile.index).next();
  }
}

type Act = (at: number) => TimedItem;

/** The range's households, each month. */
export const householdsPart: CampaignPart = {
  name: 'households',
  scope: 'households',
  start(plan, { from, to }) {
    const catalogue = new ServiceCatalogue(plan.reference);
    const households: HouseholdProgress[] = [];
    for (let index = from; index < to; index++) households.push(new HouseholdProgress(plan.profile(index), plan.seed));
    return (month) => households.flatMap((household) => householdMonth(plan, catalogue, household, month));
  },
};

export function householdMonth(plan: CampaignPlan, catalogue: ServiceCatalogue, h: HouseholdProgress, month: number): TimedItem[] {
  const { profile } = h;
  if (month < profile.enrolMonth || h.withdrawn) return [];
  const random = Random.for(plan.seed, 'household-month', profile.index, month);
  const acts: Act[] = [];
  if (month === profile.enrolMonth) {
    acts.push(enrol(plan, h));
    for (let i = 0; i < F.needsAtEnrolment; i++) acts.push(recordNeed(plan, h, random));
  } else {
    const newNeeds = (random.chance(F.monthlyNeedRate) ? 1 : 0) + (random.chance(0.04) ? 1 : 0);
    const answered = h.openNeeds.filter(() => random.chance(F.monthlyAnswerRate));
    for (let i = 0; i < newNeeds; i++) acts.push(recordNeed(plan, h, random));
    const services = answered.map((need) => deliver(plan, catalogue, h, random, need));
    if (random.chance(F.monthlyUnaskedServiceRate)) services.push(deliver(plan, catalogue, h, random, undefined));
    h.openNeeds = h.openNeeds.filter((need) => !answered.includes(need));
    acts.push(...services.map((s) => s.act));
    for (const { serviceId } of services) if (random.chance(F.ratedShare)) acts.push(rate(h, serviceId));
    acts.push(...statusActs(h, month));
  }
  if (plan.loans.get(profile.index)?.some((loan) => loan.grantMonth === month + 1))
    acts.push(recordNeed(plan, h, random, { focusArea: 'prosperity', kind: 'loan' }));
  const items = officeInstants(random, month, acts.length, plan.firstYear).map((at, i) => acts[i](at));
  if (month === profile.withdrawMonth) {
    h.withdrawn = true;
    const at = monthStart(month, plan.firstYear) + WORKING_DAYS * DAY + random.int(0, 10 * 3600) * 1000;
    items.push(
      h.writer.command<H.WithdrawHousehold>(at, `worker-${profile.village.code}`, {
        type: 'WithdrawHousehold',
        data: { householdId: profile.householdId, reason: 'The family moved out of the city' },
      }),
    );
  }
  return items;
}

function enrol(plan: CampaignPlan, h: HouseholdProgress): Act {
  const p = h.profile;
  return (at) =>
    h.writer.command<H.EnrollHousehold>(at, `worker-${p.village.code}`, {
      type: 'EnrollHousehold',
      data: {
        householdId: p.householdId,
        villageCode: p.village.code,
        category: p.category,
        members: p.members,
        head: p.head,
        enrolmentYear: plan.firstYear + Math.floor(p.enrolMonth / 12),
        batch: p.batch,
      },
    });
}

function recordNeed(plan: CampaignPlan, h: HouseholdProgress, random: Random, given?: { focusArea: FocusArea; kind: NeedKind }): Act {
  const focusArea = given?.focusArea ?? random.weighted(FOCUS_BY_CATEGORY[h.category]);
  const kind = given?.kind ?? random.pick(NEED_KINDS_BY_FOCUS[focusArea]);
  const needId = seededUuid(plan.seed, 'need', h.profile.index, h.needs++);
  h.openNeeds.push({ needId, focusArea });
  return (at) =>
    h.writer.command<H.RecordNeed>(at, `worker-${h.profile.village.code}`, {
      type: 'RecordNeed',
      data: { householdId: h.profile.householdId, needId, focusArea, kind, description: `Asks for ${kind} support (${focusArea})` },
    });
}

function deliver(plan: CampaignPlan, catalogue: ServiceCatalogue, h: HouseholdProgress, random: Random, need: OpenNeed | undefined) {
  const focusArea = need?.focusArea ?? random.pick(['health', 'civility'] as const);
  const { serviceTypeCode, departmentCode } = catalogue.pick(random, focusArea);
  const serviceId = seededUuid(plan.seed, 'service', h.profile.index, h.services++);
  const act: Act = (at) =>
    h.writer.command<H.DeliverService>(at, `dept-${departmentCode}`, {
      type: 'DeliverService',
      data: {
        householdId: h.profile.householdId,
        serviceId,
        ...(need && { needId: need.needId }),
        departmentCode,
        serviceTypeCode,
        focusArea,
        deliveredAt: new Date(at).toISOString(),
      },
    });
  return { serviceId, act };
}

/** Responses drawn evenly spread, not independently: the satisfied share holds to its figure at any scale. */
function rate(h: HouseholdProgress, serviceId: string): Act {
  const response = weightedAt(F.responses, evenlySpread(h.ratingPhase, h.ratings++));
  return (at) =>
    h.writer.command<H.RecordSatisfaction>(at, `survey-${h.profile.village.code}`, {
      type: 'RecordSatisfaction',
      data: { householdId: h.profile.householdId, serviceId, response },
    });
}

/** Recategorization, certification and revocation, when the profile schedules them for this month. */
function statusActs(h: HouseholdProgress, month: number): Act[] {
  const p = h.profile;
  const acts: Act[] = [];
  const householdId = p.householdId;
  if (p.recategorize?.month === month && p.recategorize.to !== h.category) {
    const to = p.recategorize.to;
    h.category = to;
    acts.push((at) =>
      h.writer.command<H.RecategorizeHousehold>(at, `worker-${p.village.code}`, {
        type: 'RecategorizeHousehold',
        data: { householdId, to, reason: 'Circumstances changed at the annual review' },
      }),
    );
  }
  if (p.certifyMonth === month && !h.certified) {
    h.certified = true;
    acts.push((at) =>
      h.writer.command<H.CertifyHappyFamily>(at, `assessor-${p.townshipCode}`, {
        type: 'CertifyHappyFamily',
        data: { householdId, criteriaVersion: 'happy-family-2012', assessedBy: `assessor-${p.townshipCode}` },
      }),
    );
  }
  if (p.revokeMonth === month && h.certified) {
    h.certified = false;
    acts.push((at) =>
      h.writer.command<H.RevokeCertification>(at, `assessor-${p.townshipCode}`, {
        type: 'RevokeCertification',
        data: { householdId, reason: 'No longer meets the criteria at re-assessment' },
      }),
    );
  }
  return acts;
}
