/** Every indicator the analyst API answers, with its definition. */
import { Indicator } from './definitions';
import { countIndicator } from './count-indicator';
import { certificationRate, enrolmentAgainstTarget, pilotHouseholdCoverage, pilotVillageCoverage } from './programme-targets';

const CATEGORY = { category: 'category' };
const NEED = { focusArea: 'focus_area', kind: 'kind' };
const SERVICE = { department: 'department_code', serviceType: 'service_type_code', focusArea: 'focus_area' };
const LOAN = { programme: 'programme_code', borrowerGroup: 'borrower_group' };

export const indicators: readonly Indicator[] = [
  countIndicator({
    name: 'households-enrolled', title: 'Households enrolled', unit: 'households', readModel: 'category-counts', table: 'category_counts',
    description: 'Households enrolled and not withdrawn, by the month they were enrolled; withdrawn ones reported beside.',
    numerator: { label: 'active enrolled households', sql: 'sum(active)' }, extras: { withdrawn: 'sum(withdrawn)' },
    dimensions: CATEGORY, periodGrain: 'month',
  }),
  certificationRate,
  enrolmentAgainstTarget,
  pilotVillageCoverage,
  pilotHouseholdCoverage,
  countIndicator({
    name: 'needs-recorded', title: 'Needs recorded', unit: 'needs', readModel: 'needs-status', table: 'need_counts',
    description: 'Needs recorded in the period, with how many are still open and how many a service has met.',
    numerator: { label: 'needs recorded', sql: 'sum(open + met)' }, extras: { open: 'sum(open)', met: 'sum(met)' },
    dimensions: NEED, periodGrain: 'month',
  }),
  countIndicator({
    name: 'needs-met-rate', title: 'Share of needs met', unit: 'proportion', readModel: 'needs-status', table: 'need_counts',
    description: 'Needs recorded in the period that at least one service has met, over all needs recorded in it.',
    numerator: { label: 'needs met', sql: 'sum(met)' }, denominator: { label: 'needs recorded', sql: 'sum(open + met)' },
    dimensions: NEED, periodGrain: 'month',
  }),
  countIndicator({
    name: 'services-delivered', title: 'Services delivered', unit: 'services', readModel: 'service-deliveries', table: 'service_counts',
    description: 'Services delivered to enrolled households, by the month of delivery.',
    numerator: { label: 'services delivered', sql: 'sum(delivered)' }, dimensions: SERVICE, periodGrain: 'month',
  }),
  countIndicator({
    name: 'satisfaction-rate', title: 'Satisfaction rate', unit: 'proportion', readModel: 'satisfaction-rates', table: 'satisfaction_counts',
    description: 'Satisfied responses over valid responses (satisfied, neutral, dissatisfied) in the month of the response; no-answer is excluded and reported beside. Wilson 95% interval; target 90%.',
    numerator: { label: 'satisfied responses', sql: 'sum(satisfied)' }, denominator: { label: 'valid responses', sql: 'sum(satisfied + neutral + dissatisfied)' },
    extras: { noAnswer: 'sum(no_answer)' }, dimensions: SERVICE, periodGrain: 'month', interval: 'wilson',
    target: { value: 0.9, label: 'at least 90% satisfied' },
  }),
  countIndicator({
    name: 'loans-granted', title: 'Loans granted', unit: 'loans', readModel: 'loan-portfolio', table: 'loan_counts',
    description: 'Micro-loans granted in the month, with principal granted, repaid, outstanding and defaulted (integer fen) beside.',
    numerator: { label: 'loans granted', sql: 'sum(granted)' },
    extras: { principalFen: 'sum(principal_fen)', repaidFen: 'sum(repaid_fen)', outstandingFen: 'sum(outstanding_fen)', defaultedFen: 'sum(defaulted_fen)', repaidLoans: 'sum(repaid_loans)', defaultedLoans: 'sum(defaulted_loans)' },
    dimensions: LOAN, periodGrain: 'month',
  }),
  countIndicator({
    name: 'loan-principal-granted', title: 'Loan principal granted', unit: 'fen', readModel: 'loan-portfolio', table: 'loan_counts',
    description: 'Principal of the micro-loans granted in the month, in integer fen.',
    numerator: { label: 'principal granted (fen)', sql: 'sum(principal_fen)' }, dimensions: LOAN, periodGrain: 'month',
  }),
  countIndicator({
    name: 'loans-outstanding', title: 'Loan principal outstanding', unit: 'fen', readModel: 'loan-portfolio', table: 'loan_counts',
    description: 'Principal still owed on active loans granted in the period, in integer fen.',
    numerator: { label: 'outstanding (fen)', sql: 'sum(outstanding_fen)' }, dimensions: LOAN, periodGrain: 'month',
  }),
  countIndicator({
    name: 'loan-repayment-rate', title: 'Loan repayment rate', unit: 'proportion', readModel: 'loan-portfolio', table: 'loan_counts',
    description: 'Loans repaid in full over loans closed (repaid or defaulted), of the loans granted in the period.',
    numerator: { label: 'loans repaid in full', sql: 'sum(repaid_loans)' }, denominator: { label: 'loans closed', sql: 'sum(repaid_loans + defaulted_loans)' },
    dimensions: LOAN, periodGrain: 'month',
  }),
];

export function findIndicator(name: string): Indicator | undefined {
  return indicators.find((indicator) => indicator.name === name);
}
