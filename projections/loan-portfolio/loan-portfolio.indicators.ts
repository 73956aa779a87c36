/** The indicators answered from loan-portfolio (see README.md beside this file). */
import { countIndicator, Indicator } from '@libs/indicators';

const LOAN = { programme: 'programme_code', borrowerGroup: 'borrower_group' };

export const loanPortfolioIndicators: readonly Indicator[] = [
  countIndicator({
    name: 'loans-granted',
    title: 'Loans granted',
    unit: 'loans',
    readModel: 'loan-portfolio',
    table: 'loan_counts',
    description: 'Micro-loans granted in the month, with principal granted, repaid, outstanding and defaulted (integer fen) beside.',
    numerator: { label: 'loans granted', sql: 'sum(granted)' },
    extras: {
      principalFen: 'sum(principal_fen)',
      repaidFen: 'sum(repaid_fen)',
      outstandingFen: 'sum(outstanding_fen)',
      defaultedFen: 'sum(defaulted_fen)',
      repaidLoans: 'sum(repaid_loans)',
      defaultedLoans: 'sum(defaulted_loans)',
      cellSize: 'sum(granted)',
    },
    dimensions: LOAN,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
  countIndicator({
    name: 'loan-principal-granted',
    title: 'Loan principal granted',
    unit: 'fen',
    readModel: 'loan-portfolio',
    table: 'loan_counts',
    description: 'Principal of the micro-loans granted in the month, in integer fen.',
    numerator: { label: 'principal granted (fen)', sql: 'sum(principal_fen)' },
    extras: { cellSize: 'sum(granted)' },
    dimensions: LOAN,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
  countIndicator({
    name: 'loans-outstanding',
    title: 'Loan principal outstanding',
    unit: 'fen',
    readModel: 'loan-portfolio',
    table: 'loan_stock_changes',
    description:
      'A stock: principal still owed at the end of the period (or of the asOf day), in integer fen (valueYuan beside), whenever the loans were granted; active loans beside.',
    numerator: { label: 'outstanding (fen)', sql: 'sum(outstanding_fen)' },
    extras: { activeLoans: 'sum(active_loans)', cellSize: 'sum(active_loans)' },
    dimensions: LOAN,
    periodGrain: 'month',
    aggregation: 'stock',
  }),
  countIndicator({
    name: 'loan-repayment-rate',
    title: 'Loan repayment rate',
    unit: 'proportion',
    readModel: 'loan-portfolio',
    table: 'loan_counts',
    description: 'Loans repaid in full over loans closed (repaid or defaulted), of the loans granted in the period.',
    numerator: { label: 'loans repaid in full', sql: 'sum(repaid_loans)' },
    denominator: { label: 'loans closed', sql: 'sum(repaid_loans + defaulted_loans)' },
    dimensions: LOAN,
    periodGrain: 'month',
    aggregation: 'flow',
  }),
];
