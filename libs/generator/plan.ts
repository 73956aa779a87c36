/**
 * What is fixed about the campaign before its first month: the reference data it draws on, each
 * household's profile (where, which category, when it enrols, is certified, withdraws) and the loan book.
 * A profile is a pure function of (seed, household index), so any range of households can be generated alone.
 */
import { referenceData } from '../reference-data';
import { OrgUnit } from '../reference-data/types';
import { HOUSEHOLD_CATEGORIES, HouseholdCategory, PersonalDetails } from '../domain/household/events';
import { CAMPAIGN_FIGURES as F, MEMBERS_BY_CATEGORY } from './figures';
import { seededUuid } from './ids';
import { LoanPlan, planLoanBook } from './loan-book';
import { syntheticHead } from './people';
import { Random } from './random';
import { FIRST_YEAR } from './calendar';

export type { LoanPlan } from './loan-book';

export interface CampaignOptions {
  seed: number;
  households: number;
  years: number;
  firstYear?: number;
}

export interface HouseholdProfile {
  index: number;
  householdId: string;
  village: OrgUnit;
  townshipCode: string;
  districtCode: string;
  category: HouseholdCategory;
  members: number;
  head: PersonalDetails;
  enrolMonth: number;
  batch: number;
  certifyMonth?: number;
  revokeMonth?: number;
  withdrawMonth?: number;
  recategorize?: { month: number; to: HouseholdCategory };
}

export class CampaignPlan {
  readonly seed: number;
  readonly households: number;
  readonly months: number;
  readonly firstYear: number;
  readonly reference = referenceData;
  readonly villages = referenceData.unitsAt('village');
  readonly districts = referenceData.unitsAt('district');
  private readonly villageCumulative: number[];
  readonly loans: ReadonlyMap<number, LoanPlan>;

  constructor(options: CampaignOptions) {
    this.seed = options.seed;
    this.households = options.households;
    this.months = options.years * 12;
    this.firstYear = options.firstYear ?? FIRST_YEAR;
    let total = 0;
    this.villageCumulative = this.villages.map((v) => (total += 0.5 + Random.for(this.seed, 'village', v.code).next()));
    this.loans = planLoanBook({
      seed: this.seed,
      households: this.households,
      months: this.months,
      reference: this.reference,
      enrolMonthOf: (index) => this.baseProfile(index).enrolMonth,
    });
  }

  /** The parts of a profile that do not depend on the loan book. */
  private baseProfile(index: number): { random: Random; village: OrgUnit; enrolMonth: number } {
    const random = Random.for(this.seed, 'household', index);
    const village = this.villages[this.pickVillage(random.next())];
    return { random, village, enrolMonth: random.int(0, Math.min(11, this.months - 1)) };
  }

  /** The village household `index` lives in (what the register counts). */
  villageOf(index: number): OrgUnit {
    return this.baseProfile(index).village;
  }

  profile(index: number): HouseholdProfile {
    const { random, village, enrolMonth } = this.baseProfile(index);
    const [townshipCode, districtCode] = [village.parent!, this.reference.orgUnit(village.parent!)!.parent!];
    const category = random.weighted(F.categoryShares);
    const [low, high] = MEMBERS_BY_CATEGORY[category];
    const profile: HouseholdProfile = {
      index,
      householdId: seededUuid(this.seed, 'household', index),
      village,
      townshipCode,
      districtCode,
      category,
      members: random.int(low, high),
      head: syntheticHead(random, districtCode, this.firstYear),
      enrolMonth,
      batch: Math.floor(enrolMonth / 3) + 1,
    };
    const last = this.months - 1;
    const u = random.next();
    if (u < F.certifiedByLastYear) {
      const year = Math.floor((u / F.certifiedByLastYear) * (this.months / 12));
      const month = Math.max(year * 12 + random.int(0, 11), enrolMonth + 3);
      if (month <= last) profile.certifyMonth = month;
    }
    if (profile.certifyMonth !== undefined && random.chance(F.revokedShareOfCertified)) {
      const month = profile.certifyMonth + random.int(2, 8);
      if (month <= last) profile.revokeMonth = month;
    }
    const withdraws = random.chance(F.withdrawnShare);
    if (withdraws && !this.loans.has(index) && enrolMonth < last) profile.withdrawMonth = random.int(enrolMonth + 1, last);
    if (random.chance(F.recategorizedShare) && enrolMonth < last) {
      const to = random.pick(HOUSEHOLD_CATEGORIES.filter((c) => c !== category));
      profile.recategorize = { month: random.int(enrolMonth + 1, last), to };
    }
    return profile;
  }

  private pickVillage(u: number): number {
    const target = u * this.villageCumulative[this.villageCumulative.length - 1];
    let [lo, hi] = [0, this.villageCumulative.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.villageCumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
