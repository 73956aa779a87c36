/**
 * What is fixed about the campaign before its first month: the reference data it draws on, each
 * household's profile (where, which category, when it enrols, is certified, withdraws) and the loan book.
 * A profile is a pure function of (seed, household index), so any range of households can be generated alone.
 */
import { referenceData } from '../reference-data';
import { OrgUnit } from '../reference-data/types';
import { HOUSEHOLD_CATEGORIES, HouseholdCategory, PersonalDetails } from '../domain/household/events';
import { BorrowerGroup } from '../domain/loan/events';
import { CAMPAIGN_FIGURES as F, LENDERS, MEMBERS_BY_CATEGORY } from './figures';
import { seededUuid } from './ids';
import { syntheticHead } from './people';
import { Random } from './random';
import { FIRST_YEAR } from './calendar';

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

export interface LoanPlan {
  loanId: string;
  householdIndex: number;
  householdId: string;
  group: BorrowerGroup;
  programmeCode: string;
  principalFen: number;
  termMonths: number;
  interestSubsidyBps: number;
  lender: string;
  grantMonth: number;
  /** Installments paid before the borrower stops paying; undefined for a loan repaid on schedule. */
  paidBeforeDefault?: number;
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
    this.loans = this.planLoans();
  }

  /** The parts of a profile that do not depend on the loan book. */
  private baseProfile(index: number): { random: Random; village: OrgUnit; enrolMonth: number } {
    const random = Random.for(this.seed, 'household', index);
    const village = this.villages[this.pickVillage(random.next())];
    return { random, village, enrolMonth: random.int(0, Math.min(11, this.months - 1)) };
  }

  profile(index: number): HouseholdProfile {
    const { random, village, enrolMonth } = this.baseProfile(index);
    const [townshipCode, districtCode] = [village.parent!, this.reference.orgUnit(village.parent!)!.parent!];
    const category = random.weighted(F.categoryShares);
    const [low, high] = MEMBERS_BY_CATEGORY[category];
    const profile: HouseholdProfile = {
      index, householdId: seededUuid(this.seed, 'household', index), village, townshipCode, districtCode, category,
      members: random.int(low, high), head: syntheticHead(random, districtCode, this.firstYear), enrolMonth, batch: Math.floor(enrolMonth / 3) + 1,
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

  /** The loan book scales with the households: 1,300 + 200 loans per 70,200 households. */
  private planLoans(): Map<number, LoanPlan> {
    const random = Random.for(this.seed, 'loans');
    const scale = this.households / F.households;
    const groups: BorrowerGroup[] = [
      ...Array<BorrowerGroup>(Math.round(F.loans.woman * scale)).fill('woman'),
      ...Array<BorrowerGroup>(Math.round(F.loans.youth * scale)).fill('youth'),
    ];
    const loans = new Map<number, LoanPlan>();
    // Grants spread over all but the last year, so most loans run their term inside the calendar.
    const lastGrantMonth = Math.max(2, this.months - 13);
    for (const [n, group] of groups.entries()) {
      if (loans.size >= this.households) break;
      const index = this.borrowerIndex(random, loans);
      if (index === undefined) break;
      const enrolMonth = this.baseProfile(index).enrolMonth;
      const programme = this.reference.allLoanProgrammes().find((p) => p.borrowerGroups.includes(group))!;
      // Close to the cap, in whole thousands of yuan (100,000 fen).
      const share = 1 - 0.5 * random.next() ** 2;
      const termMonths = random.pick(group === 'woman' ? [12, 24] : [24, 36].filter((t) => t <= programme.maxTermMonths));
      loans.set(index, {
        loanId: seededUuid(this.seed, 'loan', n), householdIndex: index, householdId: seededUuid(this.seed, 'household', index), group,
        programmeCode: programme.code, principalFen: Math.floor((programme.principalCapFen * share) / 100_000) * 100_000,
        termMonths, interestSubsidyBps: random.pick([500, programme.maxInterestSubsidyBps]), lender: random.pick(LENDERS),
        grantMonth: random.int(enrolMonth + 1, Math.max(enrolMonth + 1, lastGrantMonth)),
        paidBeforeDefault: random.chance(F.loanDefaultShare) ? random.int(1, termMonths - 1) : undefined,
      });
    }
    return loans;
  }

  /** A household without a loan yet that enrols before the last month (a grant follows its enrolment). */
  private borrowerIndex(random: Random, loans: ReadonlyMap<number, LoanPlan>): number | undefined {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const index = random.int(0, this.households - 1);
      if (!loans.has(index) && this.baseProfile(index).enrolMonth < this.months - 1) return index;
    }
    return undefined;
  }
}
