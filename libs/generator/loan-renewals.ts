/**
 * Renewals: a borrower who repaid a loan on schedule borrows again under the same programme, from the same
 * lender, one to four months after the last installment, and like every loan by the calendar's last month of
 * grants (all but its last year). The loan domain allows it: each loan is its own stream, and nothing limits
 * a household's loans (a grant reads only that the household is enrolled). A borrower who defaulted borrows no more.
 */
import { CAMPAIGN_FIGURES as F } from './figures';
import { seededUuid } from './ids';
import type { LoanBook, LoanBookInputs, LoanPlan } from './loan-plan';
import { lastGrantMonth, nearCap, programmeFor, termsFor, thousands } from './loan-sizes';
import { Random } from './random';

/** Months a renewal may wait beyond the first month after the last installment. */
const RENEWAL_WINDOW = 3;

/**
 * Adds renewals to `book` in passes (every borrower's second loan is considered before anyone's third), in a
 * seeded order, until `gapFen` is lent; the last lends only what is missing, so the book ends within 1,000
 * yuan of the target. Loan ids go on from `nextLoan`. Returns what is still missing (0 when reached).
 */
export function renewLoans(inputs: LoanBookInputs, book: LoanBook, gapFen: number, nextLoan: number): number {
  const random = Random.for(inputs.seed, 'loan-renewals');
  let n = nextLoan;
  while (gapFen >= 100_000) {
    const renewable = [...book.values()].filter((loans) => earliestRenewal(inputs, loans[loans.length - 1]) !== undefined);
    if (renewable.length === 0) break;
    for (const loans of random.sample(renewable, renewable.length)) {
      if (gapFen < 100_000) break;
      const loan = renewal(inputs, random, loans[loans.length - 1], n++, gapFen);
      loans.push(loan);
      gapFen -= loan.principalFen;
    }
  }
  return Math.max(0, gapFen);
}

/** The first month a renewal of `loan` can be granted: after its last installment, by the last month of grants. */
function earliestRenewal(inputs: LoanBookInputs, loan: LoanPlan): number | undefined {
  if (loan.paidBeforeDefault !== undefined) return undefined;
  const month = loan.grantMonth + loan.termMonths + 1;
  return month <= lastGrantMonth(inputs.months) ? month : undefined;
}

function renewal(inputs: LoanBookInputs, random: Random, previous: LoanPlan, n: number, gapFen: number): LoanPlan {
  const programme = programmeFor(inputs.reference, previous.group);
  const earliest = earliestRenewal(inputs, previous)!;
  const grantMonth = random.int(earliest, Math.min(earliest + RENEWAL_WINDOW, lastGrantMonth(inputs.months)));
  const termMonths = random.pick(termsFor(programme, previous.group));
  const { householdIndex, householdId, group, programmeCode, lender } = previous;
  return {
    loanId: seededUuid(inputs.seed, 'loan', n),
    householdIndex,
    householdId,
    group,
    programmeCode,
    lender,
    principalFen: Math.min(nearCap(random, programme.principalCapFen), thousands(gapFen)),
    termMonths,
    interestSubsidyBps: random.pick([500, programme.maxInterestSubsidyBps]),
    grantMonth,
    paidBeforeDefault: random.chance(F.loanDefaultShare) ? random.int(1, termMonths - 1) : undefined,
  };
}
