/**
 * Idempotency-Key, If-Match and the kept folded states under contention, over HTTP on two services sharing one
 * PostgreSQL (two caches): a key appends once however it is raced, a stale ETag is 412 whatever races beside
 * it, and an instance that lost a race decides its next command on the winner's events.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, TestApp } from './support/test-app';
import {
  closePair,
  enrolHousehold,
  grantLoan,
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

describe('one Idempotency-Key sent many times at once', () => {
  it('appends one repayment for ten concurrent sends across two instances, all answered alike', async () => {
    const loanId = await grantLoan(app, 100_000);
    const key = randomUUID();
    const send = (i: number) =>
      post(i % 2 ? other : app, `/loans/${loanId}/repayments`)
        .set('Idempotency-Key', key)
        .send({ amountFen: 30_000 });
    // Other repayments race on the same stream at the same time, each with its own key.
    const noise = () =>
      untilDecided(() => post(app, `/loans/${loanId}/repayments`).set('Idempotency-Key', randomUUID()).send({ amountFen: 1 }));
    const answers = await Promise.all([...Array.from({ length: 10 }, (_, i) => send(i)), noise(), noise()]);
    const keyed = answers.slice(0, 10);

    // A send that lost a revision race to the noise may answer 409; none may append a second time.
    const accepted = keyed.filter((a) => a.status === 201);
    keyed.filter((a) => a.status !== 201).forEach((a) => expect(a.body).toMatchObject({ status: 409, code: 'concurrent-modification' }));
    expect(accepted.length).toBeGreaterThan(0);
    accepted.forEach((a) => {
      expect(a.body).toEqual(accepted[0].body);
      expect(a.headers.etag).toBe(accepted[0].headers.etag);
    });
    const { repayments } = await storedRepayments(app, loanId);
    expect(repayments.filter((r) => r.amountFen === 30_000)).toHaveLength(1);
    expect(repayments.filter((r) => r.amountFen === 1)).toHaveLength(2);
  });

  it('enrols one household for ten concurrent sends of a body without an id, all with the same new id', async () => {
    const key = randomUUID();
    const length = await logLength(app);
    const body = { villageCode: '640122001001', category: 'stable', members: 2, head: { name: 'Ma Li' } };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i % 2 ? other : app, '/households')
          .set('Idempotency-Key', key)
          .send(body),
      ),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.householdId)).size).toBe(1);
    expect(new Set(answers.map((a) => a.headers.location)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await logLength(app)).toBe(length + 1);
  });
});

describe('a retry whose answer was lost, after others wrote to the stream', () => {
  it('answers the retry on the other instance from its stored events and appends nothing', async () => {
    const loanId = await grantLoan(app, 100_000);
    const key = randomUUID();
    const repay = (on: TestApp) => post(on, `/loans/${loanId}/repayments`).set('Idempotency-Key', key).send({ amountFen: 30_000 });
    const first = await repay(app).expect(201);
    // As if the process died between committing the events and recording the answer.
    const [, deleted] = await app.runtime.dataSource.query(`DELETE FROM idempotency.keys WHERE key LIKE '%' || $1`, [key]);
    expect(deleted).toBe(1);
    await Promise.all([
      untilDecided(() => post(other, `/loans/${loanId}/repayments`).send({ amountFen: 10_000 })),
      untilDecided(() => post(app, `/loans/${loanId}/repayments`).send({ amountFen: 10_000 })),
    ]);
    const answers = await Promise.all([repay(other), repay(app), repay(other)]);

    answers.forEach((a) => {
      expect(a.status).toBe(201);
      expect(a.body).toEqual(first.body);
      expect(a.headers.etag).toBe(first.headers.etag);
    });
    const { repaidFen, repayments } = await storedRepayments(app, loanId);
    expect(repayments.filter((r) => r.amountFen === 30_000)).toHaveLength(1);
    expect(repaidFen).toBe(50_000);
  });
});

describe('If-Match under contention', () => {
  it('lets one of eight commands sent with the same fresh ETag through; the others 412 or 409, appending nothing', async () => {
    const householdId = await enrolHousehold(app);
    const { headers } = await request(app.http).get(`/households/${householdId}`).expect(200);
    const length = await logLength(app);
    const need = (i: number) =>
      post(i % 2 ? other : app, `/households/${householdId}/needs`)
        .set('If-Match', headers.etag)
        .send({ focusArea: 'health', kind: 'care', description: `visit ${i}` });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => need(i)));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect([409, 412]).toContain(refused.status);
      expect(refused.body.code).toBe(refused.status === 412 ? 'stale-revision' : 'concurrent-modification');
    }
    expect(await logLength(app)).toBe(length + 1);
  });

  it('always refuses a stale ETag with 412 while fresh commands race beside it', async () => {
    const householdId = await enrolHousehold(app);
    await post(app, `/households/${householdId}/needs`).send({ focusArea: 'health', kind: 'care', description: 'first' }).expect(201);
    const stale = (i: number) =>
      post(i % 2 ? other : app, `/households/${householdId}/recategorization`)
        .set('If-Match', '"0"')
        .send({ to: 'elderly', reason: 'aged' });
    const fresh = () =>
      untilDecided(() => post(other, `/households/${householdId}/needs`).send({ focusArea: 'health', kind: 'care', description: 'more' }));
    const answers = await Promise.all([stale(0), fresh(), stale(1), fresh(), stale(2), stale(3)]);

    [0, 2, 4, 5].forEach((i) => expect(answers[i].body).toMatchObject({ status: 412, code: 'stale-revision' }));
    [1, 3].forEach((i) => expect(answers[i].status).toBe(201));
    expect(ofType(await stream(app, `household-${householdId}`), 'HouseholdRecategorized')).toHaveLength(0);
  });

  it('answers ten concurrent sends of one key and one If-Match alike, appending once', async () => {
    const householdId = await enrolHousehold(app);
    const key = randomUUID();
    const length = await logLength(app);
    const send = (i: number) =>
      post(i % 2 ? other : app, `/households/${householdId}/recategorization`)
        .set('Idempotency-Key', key)
        .set('If-Match', '"0"')
        .send({ to: 'elderly', reason: 'aged' });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    answers.forEach((a) => expect(a.headers.etag).toBe('"1"'));
    expect(await logLength(app)).toBe(length + 1);
  });
});

describe('kept states after a conflict', () => {
  it('decides the next command on the winner of a race, on the instance that lost it', async () => {
    const loanId = await grantLoan(app, 100_000);
    // Each instance now keeps a folded state of the loan (app's one repayment behind).
    await post(app, `/loans/${loanId}/repayments`).send({ amountFen: 1_000 }).expect(201);
    await post(other, `/loans/${loanId}/repayments`).send({ amountFen: 1_000 }).expect(201);
    const [first, second] = await Promise.all([
      post(app, `/loans/${loanId}/repayments`).send({ amountFen: 60_000 }),
      post(other, `/loans/${loanId}/repayments`).send({ amountFen: 60_000 }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    // Whichever lost, its kept state must not hide the winner's 60,000: 38,000 is what is left.
    for (const on of [app, other]) {
      await post(on, `/loans/${loanId}/repayments`).send({ amountFen: 38_001 }).expect(409);
    }
    await post(first.status === 409 ? app : other, `/loans/${loanId}/repayments`)
      .send({ amountFen: 38_000 })
      .expect(201);
    const { repaidFen, events } = await storedRepayments(app, loanId);
    expect(repaidFen).toBe(100_000);
    expect(events[events.length - 1].type).toBe('LoanRepaid');
  });

  it('sees on one instance what the other appended since, even with a state kept before it', async () => {
    const householdId = await enrolHousehold(app);
    const serviceId = randomUUID();
    await post(app, `/households/${householdId}/services`).send(service(serviceId)).expect(201); // app keeps revision 1
    await post(other, `/households/${householdId}/services/${serviceId}/satisfaction`).send({ response: 'satisfied' }).expect(201);
    const again = await post(app, `/households/${householdId}/services/${serviceId}/satisfaction`)
      .send({ response: 'neutral' })
      .expect(409);
    expect(again.body.code).toBe('satisfaction-already-recorded');
    await post(other, `/households/${householdId}/withdrawal`).send({ reason: 'moved away' }).expect(200);
    const late = await post(app, `/households/${householdId}/services`).send(service()).expect(409);
    expect(late.body.code).toBe('household-withdrawn');
  });
});
