/**
 * A loan's months: the grant, then one installment a month on the grant's day of the month, the last one
 * clearing the loan; a borrower who stops paying is marked defaulted three months after the last payment.
 */
import { loanStream } from '../domain/loan';
import * as L from '../domain/loan/commands';
import { DAY, monthStart } from './calendar';
import { StreamWriter, TimedItem } from './items';
import { CampaignPart } from './part';
import { CampaignPlan, LoanPlan } from './plan';
import { Random } from './random';

/** The loans of the range's households, each month. */
export const loansPart: CampaignPart = {
  name: 'loans',
  scope: 'households',
  start(plan, { from, to }) {
    const loans = [...plan.loans.values()]
      .flat()
      .filter((loan) => loan.householdIndex >= from && loan.householdIndex < to)
      .map((loan) => new LoanProgress(loan, plan));
    return (month) => loans.flatMap((loan) => loanMonth(plan, loan, month));
  },
};

export class LoanProgress {
  readonly writer: StreamWriter;
  paidFen = 0;
  installments = 0;
  private readonly day: number;
  private readonly seconds: number;

  constructor(
    readonly loan: LoanPlan,
    plan: CampaignPlan,
  ) {
    this.writer = new StreamWriter(plan.seed, loanStream(loan.loanId));
    const random = Random.for(plan.seed, 'loan-days', loan.loanId);
    this.day = random.int(0, 26);
    this.seconds = random.int(0, 10 * 3600 - 1);
  }

  instant(plan: CampaignPlan, month: number): number {
    return monthStart(month, plan.firstYear) + this.day * DAY + this.seconds * 1000;
  }
}

export function loanMonth(plan: CampaignPlan, progress: LoanProgress, month: number): TimedItem[] {
  const { loan } = progress;
  const at = progress.instant(plan, month);
  if (month === loan.grantMonth) return [grant(progress, at)];
  const due = month - loan.grantMonth;
  if (due < 1) return [];
  const stopped = loan.paidBeforeDefault !== undefined && progress.installments >= loan.paidBeforeDefault;
  if (stopped) {
    if (month !== loan.grantMonth + loan.paidBeforeDefault! + 3) return [];
    return [
      progress.writer.command<L.MarkLoanDefaulted>(at, lenderActor(loan), {
        type: 'MarkLoanDefaulted',
        data: { loanId: loan.loanId, reason: 'Three installments missed' },
      }),
    ];
  }
  if (progress.installments >= loan.termMonths) return [];
  const installment = Math.floor(loan.principalFen / loan.termMonths);
  const amountFen = progress.installments === loan.termMonths - 1 ? loan.principalFen - progress.paidFen : installment;
  progress.installments++;
  progress.paidFen += amountFen;
  return [
    progress.writer.command<L.RecordRepayment>(at, lenderActor(loan), {
      type: 'RecordRepayment',
      data: { loanId: loan.loanId, amountFen },
    }),
  ];
}

function grant(progress: LoanProgress, at: number): TimedItem {
  const { loan } = progress;
  return progress.writer.command<L.GrantLoan>(at, lenderActor(loan), {
    type: 'GrantLoan',
    data: {
      loanId: loan.loanId,
      householdId: loan.householdId,
      borrowerGroup: loan.group,
      programmeCode: loan.programmeCode,
      principalFen: loan.principalFen,
      interestSubsidyBps: loan.interestSubsidyBps,
      termMonths: loan.termMonths,
      lender: loan.lender,
      ...(loan.partners !== undefined && { partners: loan.partners }),
    },
    // The household is enrolled by then and loan households never withdraw (plan.ts): what the handler would read.
    context: { householdStatus: 'Enrolled' },
  });
}

const lenderActor = (loan: LoanPlan) =>
  `lender-${loan.lender
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/-$/, '')}`;
