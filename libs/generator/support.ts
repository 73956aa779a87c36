/**
 * Support handed out, as the seed report gives it (yinchuan-happy-family-2011.txt, sections 5 and 6): award-
 * and-support, special-support and "fewer births, faster prosperity" households "累计得到政府各类奖励扶助金1000余万元"
 * (more than 10 million yuan); "配套设备、药品共计200万元，轮椅1400余辆" (equipment and medicines worth 2 million
 * yuan, more than 1,400 wheelchairs) to disabled family-planning households. Not the city's 10 million yuan
 * for rural women's enterprise ("小额担保贷款专项基金，市财政注入1000万元"): that is a guarantee fund placed
 * with the lenders behind the women's guaranteed loans, not money paid to households (GUARANTEE_FUND, figures.ts). Grants per 70,200 households, scaled to the plan's;
 * amounts per grant are fixed, so the totals are exact multiples (SUPPORT_FIGURES, supportTotals).
 *
 * Each grant goes to a household enrolled before it and not withdrawn by then, in the first programme year,
 * and is delivered in full (award-and-support in two halves, as it is paid twice a year). The report gives
 * no returns or reversals, so none are generated. A grant's household decides which range generates it.
 */
import { CampaignPart } from './part';
import { supportStream } from '../domain/support';
import * as S from '../domain/support/commands';
import { DAY, monthStart } from './calendar';
import { CAMPAIGN_FIGURES } from './figures';
import { seededUuid } from './ids';
import { StreamWriter, TimedItem } from './items';
import { CampaignPlan } from './plan';
import { Random } from './random';

/** Grants per 70,200 households and what each carries: [grants, fen per grant, units per grant]. */
export const SUPPORT_FIGURES: Readonly<Record<string, readonly [number, number, number]>> = {
  // 960 yuan a year for each of two parents (the national award-and-support rate): 3,000 x 1,920 yuan.
  'award-support': [3_000, 192_000, 0],
  // 100 yuan a month for a family that lost its only child: 1,500 x 1,200 yuan.
  'special-support': [1_500, 120_000, 0],
  // Ningxia's one-off reward: 900 x 3,000 yuan. With the two above: 10.26 million yuan, "more than 10 million".
  'fewer-births-prosperity': [900, 300_000, 0],
  // 2 million yuan of equipment and medicines in 1,000 parcels of 2,000 yuan.
  'donated-equipment-medicines': [1_000, 200_000, 1],
  // "More than 1,400" wheelchairs: 1,420, one each, no value given in the report.
  'donated-wheelchairs': [1_420, 0, 1],
};

export interface SupportGrantPlan {
  supportId: string;
  householdIndex: number;
  householdId: string;
  programmeCode: string;
  amountFen: number;
  units: number;
  category: string;
  /** Instant (ms) of the grant; deliveries follow within two days. */
  at: number;
}

/** Grants of `programme` for a plan of `households`: the figure scaled, rounded to whole grants. */
export const grantsFor = (programme: string, households: number) =>
  Math.round((SUPPORT_FIGURES[programme][0] * households) / CAMPAIGN_FIGURES.households);

/** What the plan's grants add up to, by programme: grants, fen, units (all delivered). */
export function supportTotals(households: number): Record<string, { grants: number; fen: number; units: number }> {
  return Object.fromEntries(
    Object.entries(SUPPORT_FIGURES).map(([code, [, fen, units]]) => {
      const grants = grantsFor(code, households);
      return [code, { grants, fen: grants * fen, units: grants * units }];
    }),
  );
}

const cache = new WeakMap<CampaignPlan, SupportGrantPlan[]>();

/** Every grant of the plan; a pure function of (seed, households), computed once per plan. */
export function planSupport(plan: CampaignPlan): SupportGrantPlan[] {
  const known = cache.get(plan);
  if (known) return known;
  const grants = Object.entries(SUPPORT_FIGURES).flatMap(([programmeCode, [, amountFen, units]]) =>
    Array.from({ length: grantsFor(programmeCode, plan.firstCohort) }, (_, k) => planGrant(plan, programmeCode, k, amountFen, units)),
  );
  cache.set(plan, grants);
  return grants;
}

/** A recipient enrolled before the grant month and still enrolled after it; the next household when one is not. */
function planGrant(plan: CampaignPlan, programmeCode: string, k: number, amountFen: number, units: number): SupportGrantPlan {
  const random = Random.for(plan.seed, 'support', programmeCode, k);
  // Among the first year's cohort (households 0 .. firstCohort - 1): the report's figures are its first year's.
  const cohort = plan.firstCohort;
  for (let tried = 0, index = random.int(0, cohort - 1); ; tried++, index = (index + 1) % cohort) {
    if (tried === cohort) throw new Error(`no household can receive ${programmeCode} support in the first programme year`);
    const profile = plan.profile(index);
    const month = Math.min(random.int(profile.enrolMonth + 1, 11), plan.months - 1);
    if (month <= profile.enrolMonth || (profile.withdrawMonth !== undefined && profile.withdrawMonth <= month)) continue;
    const recategorized = profile.recategorize && profile.recategorize.month <= month;
    return {
      supportId: seededUuid(plan.seed, 'support', programmeCode, k),
      householdIndex: index,
      householdId: profile.householdId,
      programmeCode,
      amountFen,
      units,
      category: recategorized ? profile.recategorize!.to : profile.category,
      at: monthStart(month, plan.firstYear) + random.int(0, 24) * DAY + random.int(0, 10 * 3600 - 1) * 1000,
    };
  }
}

/** The month's commands of the grants to households [from, to): the grant and its deliveries. */
export function supportMonth(plan: CampaignPlan, month: number, from: number, to: number): TimedItem[] {
  const start = monthStart(month, plan.firstYear);
  const end = monthStart(month + 1, plan.firstYear);
  return planSupport(plan)
    .filter((g) => g.at >= start && g.at < end && g.householdIndex >= from && g.householdIndex < to)
    .flatMap((g) => supportCommands(plan, g));
}

function supportCommands(plan: CampaignPlan, g: SupportGrantPlan): TimedItem[] {
  const writer = new StreamWriter(plan.seed, supportStream(g.supportId));
  const actor = `registrar-support-${g.householdId.slice(0, 4)}`;
  const { supportId, householdId, programmeCode, amountFen, units } = g;
  const grant = writer.command<S.GrantSupport>(g.at, actor, {
    type: 'GrantSupport',
    data: { supportId, householdId, programmeCode, amountFen, units },
    // What the handler would read from the household's stream at that instant (see planGrant).
    context: { householdStatus: 'Enrolled', householdCategory: g.category as S.GrantSupportContext['householdCategory'] },
  });
  const deliver = (at: number, part: number, share: number) =>
    writer.command<S.DeliverSupport>(at, actor, { type: 'DeliverSupport', data: { supportId, amountFen: part, units: share } });
  if (programmeCode !== 'award-support') return [grant, deliver(g.at + DAY, amountFen, units)];
  const half = Math.floor(amountFen / 2);
  return [grant, deliver(g.at + DAY, half, 0), deliver(g.at + 2 * DAY, amountFen - half, 0)];
}

/** The generator's part (parts.ts): grants to the households of the range, in their months. */
export const supportPart: CampaignPart = {
  name: 'support',
  scope: 'households',
  start: (plan, range) => (month) => supportMonth(plan, month, range.from, range.to),
};
