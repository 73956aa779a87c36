/**
 * Helpers for the command race specs (test/command-races*.e2e.spec.ts): two services on one database, so two
 * folded-state caches, and clients that retry revision conflicts as a real one would.
 */
import { randomUUID } from 'node:crypto';
import request, { Response } from 'supertest';
import { RecordedEvent } from '@libs/event-store';
import { startTestApp, TestApp } from './test-app';

/** A service, and a second one on the same database: its own store object, so its own kept states. */
export async function startPair(): Promise<[TestApp, TestApp]> {
  const app = await startTestApp();
  return [app, await startTestApp({ database: app.database })];
}

export async function closePair(app?: TestApp, other?: TestApp): Promise<void> {
  await other?.close({ keepDatabase: true });
  await app?.close();
}

export const post = (on: TestApp, path: string) => request(on.http).post(path);
export const stream = (on: TestApp, name: string): Promise<RecordedEvent[]> => on.runtime.eventStore.readStream(name);
export const ofType = (events: RecordedEvent[], type: string) => events.filter((event) => event.type === type);
export const isConflict = (answer: Response) => answer.status === 409 && answer.body.code === 'concurrent-modification';

/** Sends until the answer is not a revision conflict, as a client told to retry a 409 would. */
export async function untilDecided(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const answer = await send();
    if (!isConflict(answer)) return answer;
  }
  throw new Error('still conflicting after 200 attempts');
}

export async function enrolHousehold(app: TestApp): Promise<string> {
  const householdId = randomUUID();
  await post(app, '/households')
    .send({ householdId, villageCode: '640122001001', category: 'developing', members: 4, head: { name: 'Hu Jing' } })
    .expect(201);
  return householdId;
}

/** A youth entrepreneurship loan's grant, as POST /loans takes it. */
export const loanGrant = (loanId: string, householdId: string, principalFen: number) => ({
  loanId,
  householdId,
  borrowerGroup: 'youth',
  programmeCode: 'youth-entrepreneurship-loan',
  principalFen,
  interestSubsidyBps: 700,
  termMonths: 36,
  lender: 'Bank of Ningxia',
});

export async function grantLoan(app: TestApp, principalFen: number): Promise<string> {
  const loanId = randomUUID();
  await post(app, '/loans')
    .send(loanGrant(loanId, await enrolHousehold(app), principalFen))
    .expect(201);
  return loanId;
}

export const service = (serviceId = randomUUID()) => ({
  serviceId,
  departmentCode: 'health',
  serviceTypeCode: 'family-doctor',
  focusArea: 'health',
});

/** The loan's repayments as stored: each one's amount, and the outstanding each one left. */
export async function storedRepayments(app: TestApp, loanId: string) {
  const events = await stream(app, `loan-${loanId}`);
  const repayments = ofType(events, 'LoanRepaymentRecorded').map((event) => event.data as { amountFen: number; outstandingFen: number });
  return { events, repayments, repaidFen: repayments.reduce((sum, r) => sum + r.amountFen, 0) };
}
