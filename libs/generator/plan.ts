/**
 * What is fixed about the campaign before its first month: the reference data it draws on, the city
 * (register, pilot villages, cohorts: city.ts), each household's profile (where, which category, when it
 * enrols, is certified, withdraws) and the loan book. A profile is a pure function of (seed, household
 * index), so any range of households can be generated alone.
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
import { SyntheticCity } from './city';

export type { LoanPlan } from './loan-book';

export interface CampaignOptions {
  seed: number;
  /** The first year's cohort (70,200 at full size); later cohorts follow from the city (city.ts). */
  households: number;
  years: number;
  firstYear?: number;
  /** Parts (parts.ts) left out by name, e.g. `['activities']` where a test has no use for the city's 4,721 activities. */
  leaveOut?: readonly string[];
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
  /** Households enrolled over all years; `firstCohort` of them in the first year. */
  readonly households: number;
  readonly firstCohort: number;
  readonly leaveOut: readonly string[];
  readonly city: SyntheticCity;
  readonly months: number;
  readonly firstYear: number;
  readonly reference = referenceData;
  readonly villages = referenceData.unitsAt('village');
  readonly districts = referenceData.unitsAt('district');
  /** Each borrowing household's loans, first to last, by household index (loan-book.ts). */
  readonly loans: ReadonlyMap<number, readonly LoanPlan[]>;

  constructor(options: CampaignOptions) {
    this.seed = options.seed;
    this.firstCohort = options.households;
    this.leaveOut = options.leaveOut ?? [];
    this.city = new SyntheticCity(options.seed, options.households, options.years);
    this.households = this.city.households;
    this.months = options.years * 12;
    this.firstYear = options.firstYear ?? FIRST_YEAR;
    this.loans = planLoanBook({
      seed: this.seed,
      scale: this.firstCohort / F.households,
      households: this.households,
      firstCohort: this.firstCohort,
      months: this.months,
      reference: this.reference,
      enrolMonthOf: (index) => this.baseProfile(index).enrolMonth,
    });
  }

  /** The parts of a profile that do not depend on the loan book. */
  private baseProfile(index: number): { random: Random; village: OrgUnit; enrolMonth: number } {
    const random = Random.for(this.seed, 'household', index);
    const { village, year } = this.city.householdAt(index);
    // The last year's cohort enrols by September, so that it can still be certified by December.
    const lastMonthOfYear = year > 0 && year === this.months / 12 - 1 ? 8 : 11;
    return { random, village: village.unit, enrolMonth: year * 12 + random.int(0, Math.min(lastMonthOfYear, this.months - 1)) };
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
      batch: Math.floor((enrolMonth % 12) / 3) + 1,
    };
    const last = this.months - 1;
    // Certified any month from three after enrolment to the last: the first cohort about evenly year by year.
    if (random.chance(F.certifiedShareOfEnrolled) && enrolMonth + 3 <= last) profile.certifyMonth = random.int(enrolMonth + 3, last);
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
}
