/**
 * The loan book, planned before the first month: 1,300 loans to women and 200 to youth per 70,200
 * households, each to a household that enrols before the last month. Most are loans to one borrower near
 * the programme's cap; then, in a seeded order, loans become loans to partnerships the borrower leads
 * (cap per partner times partners, within the ceiling: loan-programmes.v2) until the book reaches the
 * reported total. How many partnerships that takes is an outcome of the figures, not a figure itself.
 */
import { BorrowerGroup } from '../domain/loan/events';
import { partnersAtCeiling, principalCapFen } from '../domain/loan/caps';
import { ReferenceData } from '../reference-data/reference-data';
import { LoanProgramme } from '../reference-data/types';
import { CAMPAIGN_FIGURES as F, LENDERS } from './figures';
import { seededUuid } from './ids';
import { Random } from './random';

export interface LoanPlan {
  loanId: string;
  householdIndex: number;
  householdId: string;
  group: BorrowerGroup;
  programmeCode: string;
  principalFen: number;
  /** Partners in all for a loan to a partnership; undefined for a loan to one borrower. */
  partners?: number;
  termMonths: number;
  interestSubsidyBps: number;
  lender: string;
  grantMonth: number;
  /** Installments paid before the borrower stops paying; undefined for a loan repaid on schedule. */
  paidBeforeDefault?: number;
}

export interface LoanBookInputs {
  seed: number;
  /** The plan's first cohort over the full-size one (70,200): the book scales with it. */
  scale: number;
  /** Households over all cohorts, any of which may borrow. */
  households: number;
  months: number;
  reference: ReferenceData;
  enrolMonthOf(index: number): number;
}

export function planLoanBook(inputs: LoanBookInputs): Map<number, LoanPlan> {
  const { scale } = inputs;
  const loans = individualLoans(inputs, [
    ...Array<BorrowerGroup>(Math.round(F.loans.woman * scale)).fill('woman'),
    ...Array<BorrowerGroup>(Math.round(F.loans.youth * scale)).fill('youth'),
  ]);
  lendToPartnerships(inputs, [...loans.values()], Math.round(F.reportedLoanTotalFen * scale));
  return loans;
}

function individualLoans(inputs: LoanBookInputs, groups: BorrowerGroup[]): Map<number, LoanPlan> {
  const random = Random.for(inputs.seed, 'loans');
  const loans = new Map<number, LoanPlan>();
  // Grants spread over all but the last year, so most loans run their term inside the calendar.
  const lastGrantMonth = Math.max(2, inputs.months - 13);
  for (const [n, group] of groups.entries()) {
    if (loans.size >= inputs.households) break;
    const index = borrowerIndex(inputs, random, loans);
    if (index === undefined) break;
    const enrolMonth = inputs.enrolMonthOf(index);
    const programme = programmeFor(inputs.reference, group);
    const principalFen = nearCap(random, programme.principalCapFen);
    const termMonths = random.pick(group === 'woman' ? [12, 24] : [24, 36].filter((t) => t <= programme.maxTermMonths));
    loans.set(index, {
      loanId: seededUuid(inputs.seed, 'loan', n),
      householdIndex: index,
      householdId: seededUuid(inputs.seed, 'household', index),
      group,
      programmeCode: programme.code,
      principalFen,
      termMonths,
      interestSubsidyBps: random.pick([500, programme.maxInterestSubsidyBps]),
      lender: random.pick(LENDERS),
      grantMonth: random.int(enrolMonth + 1, Math.max(enrolMonth + 1, lastGrantMonth)),
      paidBeforeDefault: random.chance(F.loanDefaultShare) ? random.int(1, termMonths - 1) : undefined,
    });
  }
  return loans;
}

/**
 * Turns loans, in a seeded order, into partnership loans until the book holds `targetFen`: the last one
 * lends only what is missing, so the book ends within 1,000 yuan of the target (loans are in whole thousands).
 */
function lendToPartnerships(inputs: LoanBookInputs, loans: LoanPlan[], targetFen: number): void {
  const random = Random.for(inputs.seed, 'loan-partnerships');
  let gapFen = targetFen - loans.reduce((sum, loan) => sum + loan.principalFen, 0);
  for (const loan of random.sample(loans, loans.length)) {
    if (gapFen <= 0) return;
    const programme = programmeFor(inputs.reference, loan.group);
    const mostPartners = partnersAtCeiling(programme);
    if (mostPartners === undefined) continue;
    const partners = random.int(2, mostPartners);
    const principalFen = Math.min(nearCap(random, principalCapFen(programme, partners)), thousands(loan.principalFen + gapFen));
    if (principalFen <= loan.principalFen) continue;
    gapFen -= principalFen - loan.principalFen;
    Object.assign(loan, { partners, principalFen });
  }
}

const programmeFor = (reference: ReferenceData, group: BorrowerGroup): LoanProgramme =>
  reference.allLoanProgrammes().find((p) => p.borrowerGroups.includes(group))!;

const thousands = (fen: number) => Math.floor(fen / 100_000) * 100_000;

/** Half the cap to the cap, most near the cap, in whole thousands of yuan (100,000 fen). */
function nearCap(random: Random, capFen: number): number {
  const share = 1 - 0.5 * random.next() ** 2;
  return thousands(capFen * share);
}

/** A household without a loan yet that enrols before the last month (a grant follows its enrolment). */
function borrowerIndex(inputs: LoanBookInputs, random: Random, loans: ReadonlyMap<number, LoanPlan>): number | undefined {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const index = random.int(0, inputs.households - 1);
    if (!loans.has(index) && inputs.enrolMonthOf(index) < inputs.months - 1) return index;
  }
  return undefined;
}
