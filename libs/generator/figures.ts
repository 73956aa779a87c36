/**
 * The programme's figures the synthetic campaign is generated from (the campaign's reported totals, and
 * plausible shares where none were reported). Rates are per household per month unless said otherwise.
 */
import { HouseholdCategory, FocusArea, NeedKind, SatisfactionResponse } from '../domain/household/events';

export const CAMPAIGN_FIGURES = {
  /** Households enrolled in the first year (the first cohort, the plan's `households`), in pilot villages. */
  households: 70_200,
  years: 4,
  categoryShares: { developing: 0.32, stable: 0.43, elderly: 0.15, 'new-urban': 0.1 } as Record<HouseholdCategory, number>,
  /** Needs recorded at the enrolment visit, then the monthly chance of a new one (about 3 a year). */
  needsAtEnrolment: 2,
  monthlyNeedRate: 0.25,
  /** Monthly chance that a service answers an open need; and of a service answering no recorded need. */
  monthlyAnswerRate: 0.45,
  monthlyUnaskedServiceRate: 0.06,
  /**
   * Share of services rated, and the responses: 90% satisfied among the answers (no-answer excluded, the
   * satisfaction-rate indicator's definition): 0.891 / (1 - 0.01).
   */
  ratedShare: 0.94,
  responses: { satisfied: 0.891, neutral: 0.066, dissatisfied: 0.033, 'no-answer': 0.01 } as Record<SatisfactionResponse, number>,
  /**
   * Share of enrolled households certified by the end of the last year, each at least three months after it
   * enrolled; with 70% of the city enrolled (CITY_FIGURES) that certifies over 60% of all households.
   */
  certifiedShareOfEnrolled: 0.93,
  revokedShareOfCertified: 0.01,
  withdrawnShare: 0.02,
  recategorizedShare: 0.05,
  /**
   * Borrowers per 70,200 households, of the first year's cohort: "1,300-odd" women and "200-odd" young
   * entrepreneurs (the seed's people). Each borrows once at first; a borrower counts once however often she borrows.
   */
  loans: { woman: 1_320, youth: 215 },
  /**
   * Reported total lent, cumulatively ("累计"): 164 million yuan. One loan each reaches at most 127 million
   * under the caps (about 106 million as drawn); borrowers who repaid on schedule borrow again until the book
   * holds the total (loan-book.ts, loan-renewals.ts).
   */
  reportedLoanTotalFen: 164_000_000 * 100,
  loanDefaultShare: 0.03,
  /** Share of criticism bulletins, and of the units they name that get an accountability case. */
  criticismBulletinShare: 0.3,
  caseShareOfCriticised: 0.7,
} as const;

/** The synthetic city (city.ts): its register, pilot villages and cohorts. */
export const CITY_FIGURES = {
  /** The first year's cohort over the households living in the city that year. */
  firstCohortShareOfCity: 0.4,
  /** Pilot villages are chosen in each township until they hold this share of its households... */
  pilotHouseholdShare: 0.58,
  /** ...and are at least this share of its villages (the seed: at least 15%). */
  minimumPilotVillageShare: 0.15,
  /** Each pilot village enrols at least this share of its households in the first year (the seed: 15%). */
  minimumTargetShare: 0.15,
  /** Households enrolled by the last year over the households living in the city then. */
  enrolledShareByLastYear: 0.7,
  registerYearlyGrowth: 0.01,
} as const;

/** Which focus areas a category's needs fall under (weights). */
export const FOCUS_BY_CATEGORY: Record<HouseholdCategory, Record<FocusArea, number>> = {
  developing: { prosperity: 0.45, health: 0.2, 'birth-and-parenting': 0.15, civility: 0.1, 'social-contribution': 0.1 },
  stable: { prosperity: 0.25, health: 0.2, 'birth-and-parenting': 0.2, civility: 0.15, 'social-contribution': 0.2 },
  elderly: { prosperity: 0.1, health: 0.55, 'birth-and-parenting': 0.02, civility: 0.13, 'social-contribution': 0.2 },
  'new-urban': { prosperity: 0.35, health: 0.15, 'birth-and-parenting': 0.2, civility: 0.2, 'social-contribution': 0.1 },
};

export const NEED_KINDS_BY_FOCUS: Record<FocusArea, readonly NeedKind[]> = {
  prosperity: ['skills', 'project', 'knowledge', 'loan'],
  health: ['health-service', 'care', 'knowledge'],
  'birth-and-parenting': ['health-service', 'knowledge', 'care'],
  civility: ['knowledge', 'care'],
  'social-contribution': ['project', 'care', 'skills'],
};

export const MEMBERS_BY_CATEGORY: Record<HouseholdCategory, [number, number]> = {
  developing: [2, 7],
  stable: [2, 6],
  elderly: [1, 3],
  'new-urban': [2, 5],
};

/**
 * "2011年起,银川市建立农村妇女创业小额担保贷款专项基金,市财政注入1000万元": from 2011 the city placed 10
 * million yuan as a guarantee fund with the lenders of rural women's guaranteed micro-loans (womens-micro-loan).
 * It backs those loans and is not paid to households: no support grants are generated under it, and the
 * support programme code it was once generated as (support-programmes.v1) stays only for logs that hold it.
 * The loan-programme reference data has no field for a guarantee fund, so the figure is recorded here.
 */
export const GUARANTEE_FUND = {
  capitalFen: 10_000_000 * 100,
  fromYear: 2011,
  backsLoanProgramme: 'womens-micro-loan',
  supportProgrammeCode: 'rural-women-enterprise-fund',
} as const;

export const LENDERS = [
  'Yinchuan Rural Commercial Bank',
  'Ningxia Huanghe Rural Commercial Bank',
  'Postal Savings Bank, Yinchuan branch',
] as const;
