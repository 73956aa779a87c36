/**
 * Rules broken over HTTP: each refusal answers with the status and the `code` the decider names, and
 * appends nothing. The rules themselves are unit-tested with the deciders; this checks the mapping.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

let app: TestApp;
const post = (path: string, body: object) => request(app.http).post(path).send(body);

const ids = {
  household: randomUUID(),
  other: randomUUID(),
  withdrawn: randomUUID(),
  need: randomUUID(),
  otherNeed: randomUUID(),
  service: randomUUID(),
  rated: randomUUID(),
  loan: randomUUID(),
  repaid: randomUUID(),
};
const enrolment = (householdId: string) => ({
  householdId,
  villageCode: '640122001001',
  category: 'developing',
  members: 4,
  head: { name: 'Hu Jing' },
});
const grant = (loanId: string, overrides: object = {}) => ({
  loanId,
  householdId: ids.household,
  borrowerGroup: 'youth',
  programmeCode: 'youth-entrepreneurship-loan',
  principalFen: 100_000,
  interestSubsidyBps: 700,
  termMonths: 36,
  lender: 'Bank of Ningxia',
  ...overrides,
});
const h = (tail: string, id = ids.household) => `/households/${id}${tail}`;
const healthService = (overrides: object = {}) => ({
  departmentCode: 'health',
  serviceTypeCode: 'family-doctor',
  focusArea: 'health',
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp();
  for (const id of [ids.household, ids.other, ids.withdrawn]) await post('/households', enrolment(id)).expect(201);
  await post(h('/withdrawal', ids.withdrawn), { reason: 'left' }).expect(200);
  await post(h('/needs'), { needId: ids.need, focusArea: 'health', kind: 'health-service', description: 'check-ups' }).expect(201);
  await post(h('/needs', ids.other), { needId: ids.otherNeed, focusArea: 'health', kind: 'care', description: 'visits' }).expect(201);
  await post(h('/services'), healthService({ serviceId: ids.service })).expect(201);
  await post(h('/services'), healthService({ serviceId: ids.rated })).expect(201);
  await post(h(`/services/${ids.rated}/satisfaction`), { response: 'neutral' }).expect(201);
  await post(h('/certification'), { criteriaVersion: '2012.1', assessedBy: 'assessor-2' }).expect(201);
  await post(h('/certification', ids.other), { criteriaVersion: '2012.1', assessedBy: 'assessor-2' }).expect(201);
  await post(h('/certification/revocation', ids.other), { reason: 'no longer met' }).expect(200);
  await post('/loans', grant(ids.loan)).expect(201);
  await post('/loans', grant(ids.repaid)).expect(201);
  await post(`/loans/${ids.repaid}/repayments`, { amountFen: 100_000 }).expect(201);
});
afterAll(async () => {
  await app.close();
});

const refusals: [string, () => [string, object], number, string][] = [
  ['enrolling a household twice', () => ['/households', enrolment(ids.household)], 409, 'household-already-enrolled'],
  ['recategorizing into the same category', () => [h('/recategorization'), { to: 'developing', reason: 'r' }], 409, 'category-unchanged'],
  [
    'recording a need twice',
    () => [h('/needs'), { needId: ids.need, focusArea: 'health', kind: 'care', description: 'd' }],
    409,
    'need-already-recorded',
  ],
  [
    'a service for a need of another household',
    () => [h('/services'), healthService({ needId: ids.otherNeed })],
    409,
    'need-not-of-household',
  ],
  [
    'a service in another focus area than its need',
    () => [h('/services'), { departmentCode: 'agriculture', serviceTypeCode: 'training', focusArea: 'prosperity', needId: ids.need }],
    409,
    'focus-area-mismatch',
  ],
  ['a service recorded twice', () => [h('/services'), healthService({ serviceId: ids.service })], 409, 'service-already-delivered'],
  [
    'a department that does not deliver the service type',
    () => [h('/services'), healthService({ departmentCode: 'sports' })],
    400,
    'department-not-allowed',
  ],
  [
    'a service type outside the focus area',
    () => [h('/services'), healthService({ focusArea: 'civility' })],
    400,
    'focus-area-not-allowed',
  ],
  [
    'rating a service twice',
    () => [h(`/services/${ids.rated}/satisfaction`), { response: 'satisfied' }],
    409,
    'satisfaction-already-recorded',
  ],
  [
    'rating a service never delivered',
    () => [h(`/services/${randomUUID()}/satisfaction`), { response: 'satisfied' }],
    404,
    'service-not-delivered',
  ],
  [
    'rating the service of another household',
    () => [h(`/services/${ids.service}/satisfaction`, ids.other), { response: 'satisfied' }],
    404,
    'service-not-delivered',
  ],
  [
    'certifying a certified household',
    () => [h('/certification'), { criteriaVersion: '2013.1', assessedBy: 'a' }],
    409,
    'household-already-certified',
  ],
  ['revoking a certification not held', () => [h('/certification/revocation', ids.other), { reason: 'r' }], 409, 'household-not-certified'],
  [
    'any command to a withdrawn household',
    () => [h('/recategorization', ids.withdrawn), { to: 'stable', reason: 'r' }],
    409,
    'household-withdrawn',
  ],
  ['withdrawing twice', () => [h('/withdrawal', ids.withdrawn), { reason: 'r' }], 409, 'household-withdrawn'],
  ['a command to a household never enrolled', () => [h('/withdrawal', randomUUID()), { reason: 'r' }], 404, 'household-not-enrolled'],
  ['granting a loan twice', () => ['/loans', grant(ids.loan)], 409, 'loan-already-granted'],
  ['a loan to a withdrawn household', () => ['/loans', grant(randomUUID(), { householdId: ids.withdrawn })], 409, 'household-withdrawn'],
  [
    'a programme that does not lend to the group',
    () => ['/loans', grant(randomUUID(), { borrowerGroup: 'woman' })],
    400,
    'borrower-group-not-allowed',
  ],
  ['a term beyond the programme', () => ['/loans', grant(randomUUID(), { termMonths: 37 })], 400, 'invalid-term'],
  ['a subsidy beyond the programme', () => ['/loans', grant(randomUUID(), { interestSubsidyBps: 701 })], 400, 'invalid-interest-subsidy'],
  ['a repayment on a repaid loan', () => [`/loans/${ids.repaid}/repayments`, { amountFen: 1 }], 409, 'loan-repaid'],
  [
    'a repayment above what is outstanding',
    () => [`/loans/${ids.loan}/repayments`, { amountFen: 100_001 }],
    409,
    'repayment-exceeds-outstanding',
  ],
  ['defaulting a repaid loan', () => [`/loans/${ids.repaid}/default`, { reason: 'r' }], 409, 'loan-repaid'],
  ['a repayment on a loan never granted', () => [`/loans/${randomUUID()}/repayments`, { amountFen: 1 }], 404, 'loan-not-granted'],
];

it.each(refusals)('refuses %s with a problem naming the rule and appends nothing', async (_rule, make, status, code) => {
  const before = await logLength(app);
  const [path, body] = make();
  const response = await post(path, body);
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
  expect(await logLength(app)).toBe(before);
});

it('keeps recording repayments on a defaulted loan until it is repaid', async () => {
  const loanId = randomUUID();
  await post('/loans', grant(loanId)).expect(201);
  await post(`/loans/${loanId}/default`, { reason: 'missed payments' }).expect(200);
  await post(`/loans/${loanId}/default`, { reason: 'again' }).expect(409);
  const recovered = await post(`/loans/${loanId}/repayments`, { amountFen: 100_000 }).expect(201);
  expect(recovered.body).toMatchObject({ status: 'Repaid', outstandingFen: 0 });
  const { body } = await request(app.http).get(`/loans/${loanId}`).expect(200);
  expect(body).toMatchObject({ status: 'Repaid', repaidFen: 100_000 });
});

it('marks a need met once a service answers it', async () => {
  const before = await request(app.http).get(h('')).expect(200);
  expect(before.body.needs[ids.need]).toEqual({ focusArea: 'health', met: false });
  await post(h('/services'), healthService({ needId: ids.need })).expect(201);
  const after = await request(app.http).get(h('')).expect(200);
  expect(after.body.needs[ids.need]).toEqual({ focusArea: 'health', met: true });
  expect(Number(after.headers.etag.replace(/"/g, ''))).toBe(Number(before.headers.etag.replace(/"/g, '')) + 1);
});
