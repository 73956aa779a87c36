/**
 * The loan book, planned before the first month. Borrowers: 1,300-odd women and 200-odd young entrepreneurs
 * per 70,200 households (the seed's people, "向1300余名女性创业者、200余名创业青年"), each a household of the
 * first year's cohort (the report's figures are its first year's), with a first loan near the programme's cap
 * within a year of enrolling. The seed's 164 million yuan is
 * cumulative ("累计"): one loan each under the caps reaches only about 106 million, so in a seeded order
 * borrowers who repaid on schedule take a further loan (a renewal, loan-renewals.ts) until the book reaches
 * the reported total. The borrowers stay the seed's; how many renewals that takes is an outcome of the figures.
 * Only where renewals fall short (a calendar of a year or two, or a handful of borrowers at a small scale)
 * do loans go to partnerships the borrower leads (cap per partner times partners, within the ceiling:
 * loan-programmes.v2) for what is still missing; at full size over four years none do.
 */
import { BorrowerGroup } from '../domain/loan/events';
import { partnersAtCeiling, principalCapFen } from '../domain/loan/caps';
import { CAMPAIGN_FIGURES as F, LENDERS } from './figures';
import { seededUuid } from './ids';
import { renewLoans } from './loan-renewals';
import { lastGrantMonth, nearCap, programmeFor, termsFor, thousands } from './loan-sizes';
import { LoanBook, LoanBookInputs, LoanPlan } from './loan-plan';
import { Random } from './random';

export type { LoanBook, LoanBookInputs, LoanPlan } from './loan-plan';

export function planLoanBook(inputs: LoanBookInputs): LoanBook {
  const { scale } = inputs;
  const groups = [
    ...Array<BorrowerGroup>(Math.round(F.loans.woman * scale)).fill('woman'),
    ...Array<BorrowerGroup>(Math.round(F.loans.youth * scale)).fill('youth'),
  ];
  const first = firstLoans(inputs, groups);
  const book: LoanBook = new Map([...first].map(([index, loan]) => [index, [loan]]));
  const targetFen = Math.round(F.reportedLoanTotalFen * scale);
  const gapFen = renewLoans(inputs, book, targetFen - sum(first.values()), groups.length);
  lendToPartnerships(inputs, [...first.values()], gapFen);
  return book;
}

const sum = (loans: Iterable<LoanPlan>) => [...loans].reduce((total, loan) => total + loan.principalFen, 0);

function firstLoans(inputs: LoanBookInputs, groups: BorrowerGroup[]): Map<number, LoanPlan> {
  const random = Random.for(inputs.seed, 'loans');
  const loans = new Map<number, LoanPlan>();
  const lastMonth = lastGrantMonth(inputs.months);
  for (const [n, group] of groups.entries()) {
    if (loans.size >= inputs.firstCohort) break;
    const index = borrowerIndex(inputs, random, loans);
    if (index === undefined) break;
    const enrolMonth = inputs.enrolMonthOf(index);
    const programme = programmeFor(inputs.reference, group);
    const principalFen = nearCap(random, programme.principalCapFen);
    const termMonths = random.pick(termsFor(programme, group));
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
      grantMonth: random.int(enrolMonth + 1, Math.min(enrolMonth + 12, lastMonth)),
      paidBeforeDefault: random.chance(F.loanDefaultShare) ? random.int(1, termMonths - 1) : undefined,
    });
  }
  return loans;
}

/**
 * What renewals could not lend (`gapFen`, in a calendar too short for them): first loans become, in a seeded
 * order, partnership loans until the book holds the target; the last lends only what is missing, so the book
 * ends within 1,000 yuan of it (loans are in whole thousands). Nothing when renewals reached the target.
 */
function lendToPartnerships(inputs: LoanBookInputs, loans: LoanPlan[], gapFen: number): void {
  if (gapFen < 100_000) return;
  const random = Random.for(inputs.seed, 'loan-partnerships');
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

/**
 * A household of the first cohort without a loan yet that enrols before the last month of grants: its grant
 * follows its enrolment and, like every loan, comes by that month (in a calendar of a year or two, the first
 * cohort enrols past it).
 */
function borrowerIndex(inputs: LoanBookInputs, random: Random, loans: ReadonlyMap<number, LoanPlan>): number | undefined {
  const lastMonth = lastGrantMonth(inputs.months);
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const index = random.int(0, inputs.firstCohort - 1);
    if (!loans.has(index) && inputs.enrolMonthOf(index) < lastMonth) return index;
  }
  return undefined;
}
