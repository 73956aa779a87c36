/**
 * Whole household histories for the projections benchmark: enrolment in one of the 386 villages, needs,
 * services (most answering a need), ratings, sometimes recategorisation, certification, withdrawal and a
 * loan with repayments. About ten events per household, in the shapes the deciders write.
 */
import { randomUUID } from 'node:crypto';
import { referenceData } from '@libs/reference-data';
import { EventToAppend } from '@libs/event-store';

export const VILLAGES = referenceData.unitsAt('village').map((unit) => unit.code);
const CATEGORIES = ['developing', 'stable', 'elderly', 'new-urban'];
const FOCUS = ['civility', 'health', 'birth-and-parenting', 'prosperity', 'social-contribution'];
const KINDS = ['knowledge', 'skills', 'project', 'health-service', 'loan', 'care'];
const SERVICES: [string, string][] = [
  ['health', 'health-check'],
  ['human-resources-social-security', 'training'],
  ['womens-federation', 'training'],
  ['civil-affairs', 'home-visit'],
];
const RESPONSES = ['satisfied', 'satisfied', 'satisfied', 'neutral', 'dissatisfied', 'no-answer'];

type Draft = Omit<EventToAppend, 'id'>;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const month = () =>
  `201${2 + Math.floor(Math.random() * 3)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-1${Math.floor(Math.random() * 9)}T02:00:00.000Z`;

function draft(type: string, data: Record<string, unknown>, occurredAt = month()): Draft {
  return { type, data, metadata: { actor: 'bench', correlationId: randomUUID(), causationId: randomUUID(), occurredAt } };
}

/** One household's streams and their events, in order. */
export function householdHistory(n: number): [string, Draft[]][] {
  const householdId = randomUUID();
  const category = pick(CATEGORIES);
  const events: Draft[] = [
    draft('HouseholdEnrolled', {
      householdId,
      villageCode: VILLAGES[n % VILLAGES.length],
      category,
      members: 1 + (n % 6),
      head: { name: 'Bench Head' },
      enrolmentYear: 2012,
      batch: 1,
    }),
  ];
  const needs = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => randomUUID());
  for (const needId of needs)
    events.push(draft('NeedRecorded', { householdId, needId, focusArea: pick(FOCUS), kind: pick(KINDS), description: 'bench need' }));
  for (let i = 0; i < 1 + Math.floor(Math.random() * 3); i++) {
    const serviceId = randomUUID();
    const [departmentCode, serviceTypeCode] = pick(SERVICES);
    const focusArea = pick(FOCUS);
    events.push(
      draft('ServiceDelivered', {
        householdId,
        serviceId,
        ...(Math.random() < 0.7 ? { needId: pick(needs) } : {}),
        departmentCode,
        serviceTypeCode,
        focusArea,
        deliveredAt: month(),
      }),
    );
    events.push(
      draft('SatisfactionRecorded', { householdId, serviceId, response: pick(RESPONSES), departmentCode, serviceTypeCode, focusArea }),
    );
  }
  if (Math.random() < 0.2)
    events.push(
      draft('HouseholdRecategorized', {
        householdId,
        from: category,
        to: pick(CATEGORIES.filter((c) => c !== category)),
        reason: 'reassessed',
      }),
    );
  if (Math.random() < 0.4) events.push(draft('HouseholdCertified', { householdId, criteriaVersion: 'v1', assessedBy: 'staff-1' }));
  if (Math.random() < 0.05) events.push(draft('HouseholdWithdrawn', { householdId, reason: 'moved away' }));
  const streams: [string, Draft[]][] = [[`household-${householdId}`, events]];
  if (Math.random() < 0.15) {
    const loanId = randomUUID();
    const principalFen = 100_000 * (5 + Math.floor(Math.random() * 75));
    const repaid = Math.random() < 0.7;
    const loan: Draft[] = [
      draft('LoanGranted', {
        loanId,
        householdId,
        borrowerGroup: 'woman',
        programmeCode: 'womens-micro-loan',
        principalFen,
        interestSubsidyBps: 700,
        termMonths: 24,
        lender: 'Rural Credit Cooperative',
      }),
    ];
    loan.push(draft('LoanRepaymentRecorded', { loanId, householdId, amountFen: principalFen / 2, outstandingFen: principalFen / 2 }));
    loan.push(
      repaid
        ? draft('LoanRepaymentRecorded', { loanId, householdId, amountFen: principalFen / 2, outstandingFen: 0 })
        : draft('LoanDefaulted', { loanId, householdId, outstandingFen: principalFen / 2, reason: 'stopped paying' }),
    );
    if (repaid) loan.push(draft('LoanRepaid', { loanId, householdId, principalFen }));
    streams.push([`loan-${loanId}`, loan]);
  }
  return streams;
}
