/**
 * Every endpoint refuses bad input with a problem and appends nothing: missing field, wrong type,
 * unknown field, out-of-range value, malformed JSON, oversized body, bad path id, unknown reference code.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

interface Endpoint {
  name: string;
  path: () => string;
  /** A body the endpoint would accept in the state set up below. */
  valid: () => Record<string, unknown>;
  missing: string;
  wrongType: [string, unknown];
  outOfRange: [string, unknown][];
  /** Values outside a domain rule's range: [field, value, problem code]; the detail names the field. */
  domainRanges?: [string, unknown, string][];
  /** Unknown codes: [field, value, problem code]; the detail must name the value. */
  unknownReferences?: [string, string, string][];
  /** Paths with a malformed id in them, and the parameter named in the problem. */
  badIdPaths?: [() => string, string][];
}

const ids = { household: randomUUID(), need: randomUUID(), service: randomUUID(), loan: randomUUID() };
const long = (length: number) => 'x'.repeat(length);

const enrolment = () => ({ villageCode: '640106001001', category: 'new-urban', members: 3, head: { name: 'Wang Fang' } });
const grant = () => ({
  householdId: ids.household,
  borrowerGroup: 'woman',
  programmeCode: 'womens-micro-loan',
  principalFen: 2_000_000,
  interestSubsidyBps: 600,
  termMonths: 12,
  lender: 'Yinchuan Rural Credit Cooperative',
});
const household = (tail = '') => `/households/${ids.household}${tail}`;

const endpoints: Endpoint[] = [
  {
    name: 'POST /households',
    path: () => '/households',
    valid: enrolment,
    missing: 'category',
    wrongType: ['members', 'four'],
    outOfRange: [['category', 'wealthy']],
    // Ranges are the domain's rules: refused with the rule's code, naming the value.
    domainRanges: [
      ['members', 0, 'invalid-members'],
      ['members', 31, 'invalid-members'],
      ['enrolmentYear', 1999, 'invalid-enrolment-year'],
      ['batch', 100, 'invalid-batch'],
    ],
    unknownReferences: [['villageCode', '640106999999', 'unknown-village']],
  },
  {
    name: 'POST /households/{id}/recategorization',
    path: () => household('/recategorization'),
    valid: () => ({ to: 'elderly', reason: 'aged' }),
    missing: 'to',
    wrongType: ['reason', 5],
    outOfRange: [
      ['reason', ''],
      ['to', 'wealthy'],
    ],
    badIdPaths: [[() => '/households/42/recategorization', 'id']],
  },
  {
    name: 'POST /households/{id}/withdrawal',
    path: () => household('/withdrawal'),
    valid: () => ({ reason: 'moved away' }),
    missing: 'reason',
    wrongType: ['reason', ['moved']],
    outOfRange: [['reason', long(1001)]],
    badIdPaths: [[() => '/households/42/withdrawal', 'id']],
  },
  {
    name: 'POST /households/{id}/needs',
    path: () => household('/needs'),
    valid: () => ({ focusArea: 'health', kind: 'care', description: 'visits' }),
    missing: 'kind',
    wrongType: ['description', 7],
    outOfRange: [
      ['description', long(2001)],
      ['focusArea', 'wealth'],
      ['needId', 'n-1'],
    ],
    badIdPaths: [[() => '/households/42/needs', 'id']],
  },
  {
    name: 'POST /households/{id}/services',
    path: () => household('/services'),
    valid: () => ({ departmentCode: 'health', serviceTypeCode: 'family-doctor', focusArea: 'health' }),
    missing: 'departmentCode',
    wrongType: ['needId', 12],
    outOfRange: [
      ['deliveredAt', '2012-02-30T00:00:00Z'],
      ['focusArea', 'wealth'],
    ],
    unknownReferences: [
      ['departmentCode', 'secret-police', 'unknown-department'],
      ['serviceTypeCode', 'massage', 'unknown-service-type'],
    ],
    badIdPaths: [[() => '/households/42/services', 'id']],
  },
  {
    name: 'POST /households/{id}/services/{serviceId}/satisfaction',
    path: () => household(`/services/${ids.service}/satisfaction`),
    valid: () => ({ response: 'satisfied' }),
    missing: 'response',
    wrongType: ['response', 1],
    outOfRange: [['response', 'ecstatic']],
    badIdPaths: [
      [() => household('/services/42/satisfaction'), 'serviceId'],
      [() => `/households/42/services/${ids.service}/satisfaction`, 'id'],
    ],
  },
  {
    name: 'POST /households/{id}/certification',
    path: () => household('/certification'),
    valid: () => ({ criteriaVersion: '2012.1', assessedBy: 'assessor-1' }),
    missing: 'assessedBy',
    wrongType: ['criteriaVersion', 2012],
    outOfRange: [['criteriaVersion', long(33)]],
    badIdPaths: [[() => '/households/42/certification', 'id']],
  },
  {
    name: 'POST /households/{id}/certification/revocation',
    path: () => household('/certification/revocation'),
    valid: () => ({ reason: 'no longer met' }),
    missing: 'reason',
    wrongType: ['reason', true],
    outOfRange: [['reason', '']],
    badIdPaths: [[() => '/households/42/certification/revocation', 'id']],
  },
  {
    name: 'POST /loans',
    path: () => '/loans',
    valid: grant,
    missing: 'lender',
    wrongType: ['principalFen', '2000000'],
    outOfRange: [
      ['principalFen', 1.5],
      ['interestSubsidyBps', 10_001],
      ['termMonths', 0],
      ['borrowerGroup', 'elder'],
    ],
    unknownReferences: [
      ['programmeCode', 'gold-loan', 'unknown-loan-programme'],
      ['householdId', randomUUID(), 'unknown-household'],
    ],
  },
  {
    name: 'POST /loans/{id}/repayments',
    path: () => `/loans/${ids.loan}/repayments`,
    valid: () => ({ amountFen: 1_000 }),
    missing: 'amountFen',
    wrongType: ['amountFen', '1000'],
    outOfRange: [
      ['amountFen', 0],
      ['amountFen', 10.5],
    ],
    badIdPaths: [[() => '/loans/42/repayments', 'id']],
  },
  {
    name: 'POST /loans/{id}/default',
    path: () => `/loans/${ids.loan}/default`,
    valid: () => ({ reason: 'nothing paid' }),
    missing: 'reason',
    wrongType: ['reason', 3],
    outOfRange: [['reason', long(1001)]],
    badIdPaths: [[() => '/loans/42/default', 'id']],
  },
];

// Always six elements: jest takes a test function with more parameters than its row has for a `done` callback.
type Row = [string, string, () => request.Test, number, string, string | undefined];

let app: TestApp;
const post = (path: string) => request(app.http).post(path);

const rows: Row[] = endpoints.flatMap((e): Row[] => {
  const [typed, typedValue] = e.wrongType;
  return [
    [
      e.name,
      `a missing ${e.missing}`,
      () => post(e.path()).send({ ...e.valid(), [e.missing]: undefined }),
      400,
      'invalid-request',
      e.missing,
    ],
    [e.name, `a wrong type for ${typed}`, () => post(e.path()).send({ ...e.valid(), [typed]: typedValue }), 400, 'invalid-request', typed],
    [e.name, 'an unknown field', () => post(e.path()).send({ ...e.valid(), income: 5 }), 400, 'invalid-request', 'income'],
    ...e.outOfRange.map(([field, value]): Row => [
      e.name,
      `${field} out of range (${String(value).slice(0, 20)})`,
      () => post(e.path()).send({ ...e.valid(), [field]: value }),
      400,
      'invalid-request',
      field,
    ]),
    [
      e.name,
      'malformed JSON',
      () => post(e.path()).set('Content-Type', 'application/json').send('{"reason": '),
      400,
      'malformed-json',
      undefined,
    ],
    [e.name, 'a JSON array', () => post(e.path()).send([e.valid()]), 400, 'invalid-request', undefined],
    [e.name, 'an oversized body', () => post(e.path()).send({ ...e.valid(), padding: long(70_000) }), 413, 'body-too-large', undefined],
    ...(e.badIdPaths ?? []).map(([path, field]): Row => [
      e.name,
      `a malformed ${field} in the path`,
      () => post(path()).send(e.valid()),
      400,
      'invalid-request',
      field,
    ]),
    ...(e.domainRanges ?? []).map(([field, value, code]): Row => [
      e.name,
      `${field} outside the rule (${String(value)})`,
      () => post(e.path()).send({ ...e.valid(), [field]: value }),
      400,
      code,
      field,
    ]),
    ...(e.unknownReferences ?? []).map(([field, value, code]): Row => [
      e.name,
      `an unknown ${field}`,
      () => post(e.path()).send({ ...e.valid(), [field]: value }),
      400,
      code,
      value,
    ]),
  ];
});

describe('bad requests', () => {
  beforeAll(async () => {
    app = await startTestApp();
    await post('/households')
      .send({ ...enrolment(), householdId: ids.household })
      .expect(201);
    await post(household('/needs')).send({ needId: ids.need, focusArea: 'health', kind: 'care', description: 'visits' }).expect(201);
    await post(household('/services'))
      .send({ serviceId: ids.service, departmentCode: 'health', serviceTypeCode: 'family-doctor', focusArea: 'health' })
      .expect(201);
    await post('/loans')
      .send({ ...grant(), loanId: ids.loan })
      .expect(201);
  });
  afterAll(async () => {
    await app.close();
  });

  it.each(rows)('%s refuses %s with a problem and appends nothing', async (_endpoint, _defect, send, status, code, names) => {
    const before = await logLength(app);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, type: expect.stringContaining(code), title: expect.any(String) });
    if (names && code === 'invalid-request') expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(names);
    else if (names) expect(response.body.detail).toContain(names);
    expect(await logLength(app)).toBe(before);
  });

  it.each(['/households/42', '/loans/42'])('GET %s refuses a malformed id with 400', async (path) => {
    const response = await request(app.http).get(path).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'invalid-request' });
  });

  it('refuses a principal above the programme cap with a code naming the rule', async () => {
    const before = await logLength(app);
    const response = await post('/loans')
      .send({ ...grant(), principalFen: 8_000_001 })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'principal-above-cap' });
    expect(await logLength(app)).toBe(before);
  });

  it("grants a partnership loan above one borrower's cap, and refuses one above the partnership ceiling", async () => {
    await post('/loans')
      .send({ ...grant(), principalFen: 24_000_000, partners: 3 })
      .expect(201);
    const before = await logLength(app);
    const response = await post('/loans')
      .send({ ...grant(), principalFen: 50_000_001, partners: 7 })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'principal-above-cap' });
    expect(
      (
        await post('/loans')
          .send({ ...grant(), partners: 1 })
          .expect(400)
      ).body,
    ).toMatchObject({ code: 'invalid-request' });
    expect(await logLength(app)).toBe(before);
  });

  it('refuses an id holding a NUL for a scoped caller with a 4xx, appending nothing (the scope look-up came first and failed)', async () => {
    const before = await logLength(app);
    const token = await app.token('registrar', { ou: '640104' });
    const response = await post('/households/%00/withdrawal').set('Authorization', `Bearer ${token}`).send({});
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await logLength(app)).toBe(before);
  });

  it('refuses a repayment above what is outstanding with 409 naming the rule', async () => {
    const before = await logLength(app);
    const response = await post(`/loans/${ids.loan}/repayments`).send({ amountFen: 2_000_001 }).expect(409);
    expect(response.body).toMatchObject({ code: 'repayment-exceeds-outstanding' });
    expect(await logLength(app)).toBe(before);
  });

  it('never echoes free text or personal data in a problem', async () => {
    const before = await logLength(app);
    const secret = 'Secret diagnosis of Wang Fang';
    const response = await post(household('/needs'))
      .send({ focusArea: 'health', kind: 'care', description: secret, extra: secret })
      .expect(400);
    expect(JSON.stringify(response.body)).not.toContain('Secret');
    expect(await logLength(app)).toBe(before);
  });

  it('accepts each valid body the table starts from (so each refusal is down to its defect)', async () => {
    // Checked last and on fresh aggregates, so the rows above ran against the set-up state.
    for (const e of endpoints.filter((e) => !e.path().includes(ids.household) && !e.path().includes(ids.loan))) {
      await post(e.path()).send(e.valid()).expect(201);
    }
    await post(household('/services/' + ids.service + '/satisfaction'))
      .send({ response: 'satisfied' })
      .expect(201);
    await post(`/loans/${ids.loan}/repayments`).send({ amountFen: 1_000 }).expect(201);
    await post(household('/recategorization')).send({ to: 'elderly', reason: 'aged' }).expect(200);
    await post(household('/needs')).send({ focusArea: 'health', kind: 'care', description: 'visits' }).expect(201);
    await post(household('/services'))
      .send({ departmentCode: 'health', serviceTypeCode: 'family-doctor', focusArea: 'health' })
      .expect(201);
    await post(household('/certification')).send({ criteriaVersion: '2012.1', assessedBy: 'assessor-1' }).expect(201);
    await post(household('/certification/revocation')).send({ reason: 'no longer met' }).expect(200);
    await post(`/loans/${ids.loan}/default`).send({ reason: 'nothing paid' }).expect(200);
    await post(household('/withdrawal')).send({ reason: 'moved away' }).expect(200);
  });
});
