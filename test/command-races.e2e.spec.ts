/**
 * Commands raced against each other over HTTP, on one service and on two sharing one PostgreSQL (two
 * processes: two folded-state caches). Whatever the interleaving, the rules hold in the stored events, and
 * the store holds what the answers said: every success is one append, every refusal none.
 */
import { randomUUID } from 'node:crypto';
import { supportStream } from '@libs/domain/support';
import { logLength, TestApp } from './support/test-app';
import {
  closePair,
  enrolHousehold,
  grantLoan,
  loanGrant,
  ofType,
  post,
  service,
  startPair,
  storedRepayments,
  stream,
  untilDecided,
} from './support/command-races';

jest.setTimeout(120_000);

let app: TestApp;
let other: TestApp;

beforeAll(async () => {
  [app, other] = await startPair();
});
afterAll(() => closePair(app, other));

describe('repayments raced on one loan', () => {
  it('keeps the sum of 20 concurrent repayments within the principal, one stored repayment per 201', async () => {
    const loanId = await grantLoan(app, 100_000);
    const length = await logLength(app);
    const repay = (i: number) => post(i % 2 ? other : app, `/loans/${loanId}/repayments`).send({ amountFen: 10_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => repay(i)));

    const accepted = answers.filter((a) => a.status === 201);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.status).toBe(409);
      expect(['concurrent-modification', 'loan-repaid', 'repayment-exceeds-outstanding']).toContain(refused.body.code);
    }
    const { events, repayments, repaidFen } = await storedRepayments(app, loanId);
    expect(repayments).toHaveLength(accepted.length);
    expect(repaidFen).toBeLessThanOrEqual(100_000);
    expect(ofType(events, 'LoanRepaid').length).toBe(repaidFen === 100_000 ? 1 : 0);
    // Each repayment was decided on the one before it: the outstanding it records steps down by its amount.
    repayments.forEach((r, i) => expect(r.outstandingFen).toBe(100_000 - 10_000 * (i + 1)));
    expect(await logLength(app)).toBe(length + events.length - 1);
  });

  it('repays the loan exactly once when every client retries its conflicts, refusing the surplus', async () => {
    const loanId = await grantLoan(app, 100_000);
    const repay = (i: number) => untilDecided(() => post(i % 2 ? other : app, `/loans/${loanId}/repayments`).send({ amountFen: 10_000 }));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => repay(i)));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    answers
      .filter((a) => a.status !== 201)
      .forEach((a) =>
        expect(a.body).toMatchObject({ status: 409, code: expect.stringMatching(/^(loan-repaid|repayment-exceeds-outstanding)$/) }),
      );
    const { events, repaidFen } = await storedRepayments(app, loanId);
    expect(repaidFen).toBe(100_000);
    expect(ofType(events, 'LoanRepaid')).toHaveLength(1);
    expect(events[events.length - 1].type).toBe('LoanRepaid');
  });

  it('records nothing on a loan after it is repaid, while a default and repayments race', async () => {
    const loanId = await grantLoan(app, 50_000);
    const answers = await Promise.all([
      untilDecided(() => post(app, `/loans/${loanId}/repayments`).send({ amountFen: 50_000 })),
      untilDecided(() => post(other, `/loans/${loanId}/default`).send({ reason: 'unreachable' })),
      untilDecided(() => post(app, `/loans/${loanId}/repayments`).send({ amountFen: 1 })),
    ]);
    const types = (await stream(app, `loan-${loanId}`)).map((event) => event.type);
    if (types.includes('LoanRepaid')) expect(types.indexOf('LoanRepaid')).toBe(types.length - 1);
    // One stored event per success, besides the grant and the LoanRepaid that rides along with a repayment.
    expect(answers.filter((a) => a.status < 300)).toHaveLength(types.filter((type) => type !== 'LoanRepaid').length - 1);
    const { repaidFen } = await storedRepayments(app, loanId);
    expect(repaidFen).toBeLessThanOrEqual(50_000);
  });
});

describe('support delivered concurrently', () => {
  it('delivers no more than was granted when 15 deliveries race, each retried past its conflicts', async () => {
    const householdId = await enrolHousehold(app);
    const { supportId } = (
      await post(app, '/support').send({ householdId, programmeCode: 'award-support', amountFen: 96_000, units: 0 }).expect(201)
    ).body;
    const deliver = (i: number) =>
      untilDecided(() => post(i % 2 ? other : app, `/support/${supportId}/deliveries`).send({ amountFen: 10_000, units: 0 }));
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => deliver(i)));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(9);
    answers.filter((a) => a.status !== 201).forEach((a) => expect(a.body).toMatchObject({ status: 409, code: 'delivery-exceeds-grant' }));
    const deliveries = ofType(await stream(app, supportStream(supportId)), 'SupportDelivered');
    expect(deliveries.reduce((sum, event) => sum + (event.data as { amountFen: number }).amountFen, 0)).toBe(90_000);
  });
});

describe('one stream started twice at once', () => {
  it('enrols a household once when six enrolments of its id race, refusing the rest as already enrolled', async () => {
    const householdId = randomUUID();
    const enrol = (members: number) =>
      untilDecided(() =>
        post(members % 2 ? other : app, '/households').send({
          householdId,
          villageCode: '640122001001',
          category: 'stable',
          members,
          head: { name: 'Hu Jing' },
        }),
      );
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(enrol));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    answers
      .filter((a) => a.status !== 201)
      .forEach((a) => expect(a.body).toMatchObject({ status: 409, code: 'household-already-enrolled' }));
    const events = await stream(app, `household-${householdId}`);
    expect(events).toHaveLength(1);
    expect((events[0].data as { members: number }).members).toBe(1 + answers.findIndex((a) => a.status === 201));
  });

  it('grants a loan once when two grants of one id with different principals race', async () => {
    const householdId = await enrolHousehold(app);
    const loanId = randomUUID();
    const grant = (on: TestApp, principalFen: number) =>
      untilDecided(() => post(on, '/loans').send(loanGrant(loanId, householdId, principalFen)));
    const answers = await Promise.all([grant(app, 100_000), grant(other, 50_000)]);

    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const events = await stream(app, `loan-${loanId}`);
    expect(events).toHaveLength(1);
    expect((events[0].data as { principalFen: number }).principalFen).toBe(answers[0].status === 201 ? 100_000 : 50_000);
  });
});

describe('a household withdrawn while services are recorded', () => {
  it.each([1, 2, 3, 4, 5])('stores no service after the withdrawal, and every 201 service is stored (round %i)', async () => {
    const householdId = await enrolHousehold(app);
    const deliver = (i: number) => untilDecided(() => post(i % 2 ? other : app, `/households/${householdId}/services`).send(service()));
    const withdraw = untilDecided(() => post(other, `/households/${householdId}/withdrawal`).send({ reason: 'moved away' }));
    const [withdrawn, ...delivered] = await Promise.all([withdraw, ...Array.from({ length: 6 }, (_, i) => deliver(i))]);

    expect(withdrawn.status).toBe(200);
    delivered.filter((a) => a.status !== 201).forEach((a) => expect(a.body).toMatchObject({ status: 409, code: 'household-withdrawn' }));
    const types = (await stream(app, `household-${householdId}`)).map((event) => event.type);
    expect(types[types.length - 1]).toBe('HouseholdWithdrawn');
    expect(ofType(await stream(app, `household-${householdId}`), 'ServiceDelivered')).toHaveLength(
      delivered.filter((a) => a.status === 201).length,
    );
    // The next service, on either instance, sees the withdrawal.
    for (const on of [app, other]) {
      await post(on, `/households/${householdId}/services`).send(service()).expect(409);
    }
  });
});

describe('certification raced with withdrawal', () => {
  it.each([1, 2, 3])('certifies at most once and never after the withdrawal (round %i)', async () => {
    const householdId = await enrolHousehold(app);
    const certify = (i: number) =>
      untilDecided(() =>
        post(i % 2 ? other : app, `/households/${householdId}/certification`).send({
          criteriaVersion: '2012.1',
          assessedBy: `assessor-${i}`,
        }),
      );
    const withdraw = untilDecided(() => post(app, `/households/${householdId}/withdrawal`).send({ reason: 'moved away' }));
    const [withdrawn, ...certified] = await Promise.all([withdraw, ...[1, 2, 3, 4].map(certify)]);

    expect(withdrawn.status).toBe(200);
    certified
      .filter((a) => a.status !== 201)
      .forEach((a) => expect(['household-already-certified', 'household-withdrawn']).toContain(a.body.code));
    const types = (await stream(app, `household-${householdId}`)).map((event) => event.type);
    expect(types.filter((type) => type === 'HouseholdCertified')).toHaveLength(certified.filter((a) => a.status === 201).length);
    expect(types.filter((type) => type === 'HouseholdCertified').length).toBeLessThanOrEqual(1);
    expect(types[types.length - 1]).toBe('HouseholdWithdrawn');
  });
});

describe('one service rated concurrently', () => {
  it('records one satisfaction rating of a service rated five times at once, refusing the rest', async () => {
    const householdId = await enrolHousehold(app);
    const serviceId = randomUUID();
    await post(app, `/households/${householdId}/services`).send(service(serviceId)).expect(201);
    const responses = ['satisfied', 'neutral', 'dissatisfied', 'no-answer', 'satisfied'];
    const rate = (response: string, i: number) =>
      untilDecided(() => post(i % 2 ? other : app, `/households/${householdId}/services/${serviceId}/satisfaction`).send({ response }));
    const answers = await Promise.all(responses.map(rate));

    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted).toHaveLength(1);
    answers
      .filter((a) => a.status !== 201)
      .forEach((a) => expect(a.body).toMatchObject({ status: 409, code: 'satisfaction-already-recorded' }));
    const ratings = ofType(await stream(app, `household-${householdId}`), 'SatisfactionRecorded');
    expect(ratings).toHaveLength(1);
    expect(ratings[0].data).toMatchObject({ serviceId, response: responses[answers.indexOf(accepted[0])] });
  });
});
