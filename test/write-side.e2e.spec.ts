/** Idempotency-Key and If-Match on the write side, over HTTP against PostgreSQL. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

const household = () => ({ villageCode: '640105001001', category: 'stable', members: 3, head: { name: 'Zhang Min' } });

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('Idempotency-Key on commands', () => {
  const enrol = (key: string, body: object) => request(app.http).post('/households').set('Idempotency-Key', key).send(body);

  it('answers a retry with the same key and body with the first answer, server-generated id included, and appends nothing', async () => {
    const key = randomUUID();
    const first = await enrol(key, household()).expect(201);
    const length = await logLength(app);
    const retry = await enrol(key, household()).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await logLength(app)).toBe(length);
    expect(await app.runtime.eventStore.readStream(`household-${first.body.householdId}`)).toHaveLength(1);
  });

  it('answers a retry whose first answer was lost after its events were stored from the events, appending nothing', async () => {
    const key = randomUUID();
    const first = await enrol(key, household()).expect(201);
    // As if the process died between committing the events and recording the answer.
    const { 1: deleted } = await app.runtime.dataSource.query(`DELETE FROM idempotency.keys WHERE key LIKE '%' || $1`, [key]);
    expect(deleted).toBe(1);
    const length = await logLength(app);
    const retry = await enrol(key, household()).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(`/households/${first.body.householdId}`);
    expect(await logLength(app)).toBe(length);
  });

  it('sees the same body with its keys in another order as the same request', async () => {
    const key = randomUUID();
    const { head, ...rest } = household();
    const first = await enrol(key, { head, ...rest }).expect(201);
    const retry = await enrol(key, { ...rest, head }).expect(201);
    expect(retry.body).toEqual(first.body);
  });

  it('refuses the same key with another body with 422 and appends nothing', async () => {
    const key = randomUUID();
    await enrol(key, household()).expect(201);
    const length = await logLength(app);
    const response = await enrol(key, { ...household(), members: 4 }).expect(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 422, code: 'idempotency-key-reused' });
    expect(await logLength(app)).toBe(length);
  });

  it('refuses the same key on another endpoint with 422 and appends nothing', async () => {
    const key = randomUUID();
    const { body } = await enrol(key, household()).expect(201);
    const length = await logLength(app);
    const response = await request(app.http)
      .post(`/households/${body.householdId}/withdrawal`)
      .set('Idempotency-Key', key)
      .send({ reason: 'moved' });
    expect(response.status).toBe(422);
    expect(await logLength(app)).toBe(length);
  });

  it('lets one of several concurrent requests with one key execute and gives the others its answer', async () => {
    const { body } = await request(app.http).post('/households').send(household()).expect(201);
    const key = randomUUID();
    const length = await logLength(app);
    const need = { focusArea: 'health', kind: 'care', description: 'weekly visits' };
    const send = () => request(app.http).post(`/households/${body.householdId}/needs`).set('Idempotency-Key', key).send(need);
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.needId)).size).toBe(1);
    expect(await logLength(app)).toBe(length + 1);
  });

  it('keeps no answer for a refused command, so a retry once the rule holds executes', async () => {
    const { body } = await request(app.http).post('/households').send(household()).expect(201);
    const key = randomUUID();
    const rate = () =>
      request(app.http)
        .post(`/households/${body.householdId}/services/${serviceId}/satisfaction`)
        .set('Idempotency-Key', key)
        .send({ response: 'neutral' });
    const serviceId = randomUUID();
    const length = await logLength(app);
    expect((await rate()).status).toBe(404);
    expect(await logLength(app)).toBe(length);
    await request(app.http)
      .post(`/households/${body.householdId}/services`)
      .send({ serviceId, departmentCode: 'health', serviceTypeCode: 'family-doctor', focusArea: 'health' })
      .expect(201);
    expect((await rate()).status).toBe(201);
    const replay = await rate().expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps the keys of different actors apart', async () => {
    const key = randomUUID();
    const as = (actor: string) => request(app.http).post('/households').set('X-Actor', actor).set('Idempotency-Key', key).send(household());
    const length = await logLength(app);
    const first = await as('registrar-1').expect(201);
    const second = await as('registrar-2').expect(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.householdId).not.toBe(first.body.householdId);
    expect(await logLength(app)).toBe(length + 2);
  });

  it('answers a malformed key with 400 and appends nothing', async () => {
    const length = await logLength(app);
    const response = await enrol('with spaces in it', household()).expect(400);
    expect(response.body).toMatchObject({ code: 'invalid-header' });
    expect(await logLength(app)).toBe(length);
  });

  it('accepts the key as a quoted structured-field string', async () => {
    const key = randomUUID();
    const first = await enrol(`"${key}"`, household()).expect(201);
    const retry = await enrol(key, household()).expect(201);
    expect(retry.body).toEqual(first.body);
  });
});

describe('If-Match on commands', () => {
  let householdId: string;
  beforeEach(async () => {
    ({ householdId } = (await request(app.http).post('/households').send(household()).expect(201)).body);
  });

  const recategorize = (ifMatch?: string) => {
    const req = request(app.http).post(`/households/${householdId}/recategorization`);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send({ to: 'elderly', reason: 'aged' });
  };

  it('executes a command whose If-Match is the current revision and answers with the next as ETag', async () => {
    const { headers } = await request(app.http).get(`/households/${householdId}`).expect(200);
    const response = await recategorize(headers.etag).expect(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({ householdId, revision: 1 });
  });

  it('refuses a stale If-Match with 412 and appends nothing', async () => {
    await request(app.http)
      .post(`/households/${householdId}/needs`)
      .send({ focusArea: 'health', kind: 'care', description: 'x' })
      .expect(201);
    const length = await logLength(app);
    const response = await recategorize('"0"').expect(412);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 412, code: 'stale-revision', currentRevision: '1' });
    expect(await logLength(app)).toBe(length);
  });

  it('executes without If-Match', async () => {
    await recategorize().expect(200);
  });

  it.each(['0', 'W/"0"', '"a"', '"0", "1"'])('answers a malformed If-Match %s with 400 and appends nothing', async (header) => {
    const length = await logLength(app);
    const response = await recategorize(header).expect(400);
    expect(response.body).toMatchObject({ code: 'invalid-header' });
    expect(await logLength(app)).toBe(length);
  });

  it('answers concurrent commands on one household 201 or 409 concurrent-modification, storing one event per 201', async () => {
    const length = await logLength(app);
    const need = () =>
      request(app.http).post(`/households/${householdId}/needs`).send({ focusArea: 'health', kind: 'care', description: 'x' });
    const answers = await Promise.all(Array.from({ length: 6 }, need));
    const refused = answers.filter((a) => a.status !== 201);
    refused.forEach((a) => expect(a.body).toMatchObject({ status: 409, code: 'concurrent-modification' }));
    expect(await logLength(app)).toBe(length + answers.length - refused.length);
  });
});

describe('the API description', () => {
  it('serves an OpenAPI document listing every command and read, with the DTO schemas', async () => {
    const { body } = await request(app.http).get('/openapi.json').expect(200).expect('Content-Type', /json/);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/households',
        '/households/{id}',
        '/households/{id}/recategorization',
        '/households/{id}/withdrawal',
        '/households/{id}/needs',
        '/households/{id}/services',
        '/households/{id}/services/{serviceId}/satisfaction',
        '/households/{id}/certification',
        '/households/{id}/certification/revocation',
        '/loans',
        '/loans/{id}',
        '/loans/{id}/repayments',
        '/loans/{id}/default',
      ]),
    );
    expect(body.components.schemas.GrantLoanDto.required).toEqual(expect.arrayContaining(['householdId', 'principalFen', 'programmeCode']));
    expect(body.components.schemas.RecordNeedDto.properties.focusArea.enum).toContain('birth-and-parenting');
  });

  it('serves a browsable page at /docs from local assets', async () => {
    const page = await request(app.http).get('/docs').expect(200).expect('Content-Type', /html/);
    expect(page.text).toContain('swagger-ui');
    expect(page.text).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
    await request(app.http).get('/docs/swagger-ui-bundle.js').expect(200);
  });
});
