/**
 * A household's whole life over HTTP: enrol, needs, services, satisfaction, a loan repaid in full,
 * certification, withdrawal, and a command refused after it. Asserts the events stored, whole.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RecordedEvent } from '@libs/event-store';
import { logLength, startTestApp, TestApp } from './support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACTOR = 'worker-0042';

describe("a household's whole life in the campaign", () => {
  let app: TestApp;
  const correlationId = randomUUID();
  const householdId = randomUUID();
  const loanId = randomUUID();
  const post = (path: string, body: object) =>
    request(app.http).post(path).set('X-Actor', ACTOR).set('X-Correlation-Id', correlationId).send(body);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function stored(stream: string): Promise<Pick<RecordedEvent, 'type' | 'data' | 'metadata'>[]> {
    const events = await app.runtime.eventStore.readStream(stream);
    return events.map(({ type, data, metadata }) => ({ type, data, metadata }));
  }

  const metadata = (occurredAt: string) => ({
    actor: ACTOR,
    // The requests carry the suite's default admin token, which names the worker in X-Actor: both are on record.
    authenticatedAs: 'test-admin',
    correlationId,
    causationId: expect.stringMatching(UUID),
    occurredAt,
    recordedAt: expect.any(String),
    hashVersion: 2,
    // No traceparent sent: each command starts a trace of its own (test/traces.e2e.spec.ts).
    traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
  });

  it('records every step as events of the household and of its loan, and refuses a command after withdrawal', async () => {
    await post('/households', {
      householdId,
      villageCode: '640121002004',
      category: 'developing',
      members: 5,
      head: { name: 'Ma Lan', phone: '13900000000' },
      enrolmentYear: 2012,
      batch: 2,
      occurredAt: '2012-03-01T02:00:00.000Z',
    }).expect(201);
    const need = await post(`/households/${householdId}/needs`, {
      focusArea: 'prosperity',
      kind: 'skills',
      description: 'wants training in greenhouse farming',
      occurredAt: '2012-03-02T02:00:00.000Z',
    }).expect(201);
    const { needId } = need.body;
    expect(needId).toMatch(UUID);
    const service = await post(`/households/${householdId}/services`, {
      needId,
      departmentCode: 'agriculture',
      serviceTypeCode: 'training',
      focusArea: 'prosperity',
      deliveredAt: '2012-03-10T08:00:00+08:00',
      occurredAt: '2012-03-10T03:00:00.000Z',
    }).expect(201);
    const { serviceId } = service.body;
    const checkId = randomUUID();
    await post(`/households/${householdId}/services`, {
      serviceId: checkId,
      departmentCode: 'health',
      serviceTypeCode: 'health-check',
      focusArea: 'health',
      occurredAt: '2012-03-11T03:00:00.000Z',
    }).expect(201);
    await post(`/households/${householdId}/services/${serviceId}/satisfaction`, {
      response: 'satisfied',
      occurredAt: '2012-03-12T03:00:00.000Z',
    }).expect(201);

    const granted = await post('/loans', {
      loanId,
      householdId,
      borrowerGroup: 'woman',
      programmeCode: 'womens-micro-loan',
      principalFen: 5_000_000,
      interestSubsidyBps: 700,
      termMonths: 24,
      lender: 'Yinchuan Rural Credit Cooperative',
      occurredAt: '2012-04-01T02:00:00.000Z',
    }).expect(201);
    expect(granted.body).toEqual({ loanId, revision: 0, position: expect.stringMatching(/^\d+$/) });
    expect(granted.headers.etag).toBe('"0"');
    const first = await post(`/loans/${loanId}/repayments`, { amountFen: 3_000_000, occurredAt: '2012-10-01T02:00:00.000Z' }).expect(201);
    expect(first.body).toMatchObject({ loanId, revision: 1, status: 'Active', outstandingFen: 2_000_000 });
    const last = await post(`/loans/${loanId}/repayments`, { amountFen: 2_000_000, occurredAt: '2013-04-01T02:00:00.000Z' }).expect(201);
    expect(last.body).toMatchObject({ loanId, revision: 3, status: 'Repaid', outstandingFen: 0 });

    await post(`/households/${householdId}/certification`, {
      criteriaVersion: '2012.1',
      assessedBy: 'assessor-17',
      occurredAt: '2013-05-01T02:00:00.000Z',
    }).expect(201);
    await post(`/households/${householdId}/withdrawal`, { reason: 'moved to another city', occurredAt: '2014-01-01T02:00:00.000Z' }).expect(
      200,
    );

    const before = await logLength(app);
    const refused = await post(`/households/${householdId}/needs`, { focusArea: 'health', kind: 'care', description: 'x' }).expect(409);
    expect(refused.body).toMatchObject({ status: 409, code: 'household-withdrawn' });
    expect(await logLength(app)).toBe(before);

    expect(await stored(`household-${householdId}`)).toEqual([
      {
        type: 'HouseholdEnrolled',
        data: {
          householdId,
          villageCode: '640121002004',
          category: 'developing',
          members: 5,
          head: { name: 'Ma Lan', phone: '13900000000' },
          enrolmentYear: 2012,
          batch: 2,
        },
        metadata: metadata('2012-03-01T02:00:00.000Z'),
      },
      {
        type: 'NeedRecorded',
        data: { householdId, needId, focusArea: 'prosperity', kind: 'skills', description: 'wants training in greenhouse farming' },
        metadata: metadata('2012-03-02T02:00:00.000Z'),
      },
      {
        type: 'ServiceDelivered',
        data: {
          householdId,
          serviceId,
          needId,
          departmentCode: 'agriculture',
          serviceTypeCode: 'training',
          focusArea: 'prosperity',
          deliveredAt: '2012-03-10T00:00:00.000Z',
        },
        metadata: metadata('2012-03-10T03:00:00.000Z'),
      },
      {
        type: 'ServiceDelivered',
        data: {
          householdId,
          serviceId: checkId,
          departmentCode: 'health',
          serviceTypeCode: 'health-check',
          focusArea: 'health',
          deliveredAt: '2012-03-11T03:00:00.000Z',
        },
        metadata: metadata('2012-03-11T03:00:00.000Z'),
      },
      {
        type: 'SatisfactionRecorded',
        data: {
          householdId,
          serviceId,
          response: 'satisfied',
          departmentCode: 'agriculture',
          serviceTypeCode: 'training',
          focusArea: 'prosperity',
        },
        metadata: metadata('2012-03-12T03:00:00.000Z'),
      },
      {
        type: 'HouseholdCertified',
        data: { householdId, criteriaVersion: '2012.1', assessedBy: 'assessor-17' },
        metadata: metadata('2013-05-01T02:00:00.000Z'),
      },
      {
        type: 'HouseholdWithdrawn',
        data: { householdId, reason: 'moved to another city' },
        metadata: metadata('2014-01-01T02:00:00.000Z'),
      },
    ]);

    const loanEvents = await stored(`loan-${loanId}`);
    expect(loanEvents).toEqual([
      {
        type: 'LoanGranted',
        data: {
          loanId,
          householdId,
          borrowerGroup: 'woman',
          programmeCode: 'womens-micro-loan',
          principalFen: 5_000_000,
          interestSubsidyBps: 700,
          termMonths: 24,
          lender: 'Yinchuan Rural Credit Cooperative',
        },
        metadata: metadata('2012-04-01T02:00:00.000Z'),
      },
      {
        type: 'LoanRepaymentRecorded',
        data: { loanId, householdId, amountFen: 3_000_000, outstandingFen: 2_000_000 },
        metadata: metadata('2012-10-01T02:00:00.000Z'),
      },
      {
        type: 'LoanRepaymentRecorded',
        data: { loanId, householdId, amountFen: 2_000_000, outstandingFen: 0 },
        metadata: metadata('2013-04-01T02:00:00.000Z'),
      },
      { type: 'LoanRepaid', data: { loanId, householdId, principalFen: 5_000_000 }, metadata: metadata('2013-04-01T02:00:00.000Z') },
    ]);
    // One command, one causation: the closing repayment and LoanRepaid share it; other commands do not.
    const causations = loanEvents.map((event) => event.metadata.causationId);
    expect(causations[3]).toBe(causations[2]);
    expect(new Set(causations).size).toBe(3);
  });

  it('shows the household as folded from its stream, with its revision as ETag', async () => {
    const response = await request(app.http).get(`/households/${householdId}`).expect(200);
    expect(response.headers.etag).toBe('"6"');
    expect(response.body).toMatchObject({
      status: 'Withdrawn',
      householdId,
      villageCode: '640121002004',
      category: 'developing',
      members: 5,
      revision: 6,
      withdrawalReason: 'moved to another city',
      certification: { status: 'Certified', criteriaVersion: '2012.1', assessedBy: 'assessor-17' },
    });
    expect(Object.values(response.body.needs)).toEqual([{ focusArea: 'prosperity', met: true }]);
    expect(Object.keys(response.body.services)).toHaveLength(2);
    await request(app.http).get(`/households/${householdId}`).set('If-None-Match', '"6"').expect(304);
    await request(app.http).get(`/households/${householdId}`).set('If-None-Match', '"5"').expect(200);
  });

  it('shows the loan as repaid, with nothing outstanding', async () => {
    const response = await request(app.http).get(`/loans/${loanId}`).expect(200);
    expect(response.headers.etag).toBe('"3"');
    expect(response.body).toEqual({
      status: 'Repaid',
      loanId,
      householdId,
      programmeCode: 'womens-micro-loan',
      borrowerGroup: 'woman',
      principalFen: 5_000_000,
      repaidFen: 5_000_000,
      outstandingFen: 0,
      revision: 3,
    });
  });

  it('recategorizes, revokes a certification and marks a loan defaulted', async () => {
    const id = randomUUID();
    await post('/households', {
      householdId: id,
      villageCode: '640104001001',
      category: 'stable',
      members: 2,
      head: { name: 'Li Wei' },
    }).expect(201);
    await post(`/households/${id}/recategorization`, { to: 'elderly', reason: 'both members past 60' }).expect(200);
    await post(`/households/${id}/certification`, { criteriaVersion: '2012.1', assessedBy: 'assessor-3' }).expect(201);
    await post(`/households/${id}/certification/revocation`, { reason: 'criteria no longer met' }).expect(200);
    const loan = await post('/loans', {
      householdId: id,
      borrowerGroup: 'youth',
      programmeCode: 'youth-entrepreneurship-loan',
      principalFen: 1_000_000,
      interestSubsidyBps: 500,
      termMonths: 12,
      lender: 'Bank of Ningxia',
    }).expect(201);
    await post(`/loans/${loan.body.loanId}/default`, { reason: 'no repayment in 12 months' }).expect(200);

    expect((await stored(`household-${id}`)).map((e) => e.data)).toEqual([
      expect.objectContaining({ category: 'stable' }),
      { householdId: id, from: 'stable', to: 'elderly', reason: 'both members past 60' },
      { householdId: id, criteriaVersion: '2012.1', assessedBy: 'assessor-3' },
      { householdId: id, criteriaVersion: '2012.1', reason: 'criteria no longer met' },
    ]);
    expect(await stored(`loan-${loan.body.loanId}`)).toEqual([
      expect.objectContaining({ type: 'LoanGranted' }),
      {
        type: 'LoanDefaulted',
        data: { loanId: loan.body.loanId, householdId: id, outstandingFen: 1_000_000, reason: 'no repayment in 12 months' },
        metadata: expect.objectContaining({ actor: ACTOR, correlationId }),
      },
    ]);
  });

  it.each([
    ['a household', '/households'],
    ['a loan', '/loans'],
  ])('answers 404 for %s that does not exist', async (_what, path) => {
    const response = await request(app.http).get(`${path}/${randomUUID()}`).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: expect.stringMatching(/-not-found$/) });
  });

  it.each([
    ['a need', (id: string) => [`/households/${id}/needs`, { focusArea: 'health', kind: 'care', description: 'x' }]],
    ['a repayment', (id: string) => [`/loans/${id}/repayments`, { amountFen: 100 }]],
  ] as [string, (id: string) => [string, object]][])(
    'answers 404 for %s on an aggregate that does not exist, appending nothing',
    async (_what, make) => {
      const before = await logLength(app);
      const [path, body] = make(randomUUID());
      const response = await post(path, body).expect(404);
      expect(response.body).toMatchObject({ status: 404, code: expect.stringMatching(/not-(enrolled|granted)$/) });
      expect(await logLength(app)).toBe(before);
    },
  );
});
