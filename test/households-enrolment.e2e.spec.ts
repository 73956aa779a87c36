/** The first slice end to end: enrol a household over HTTP, count it by category from the read model. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const valid = () => ({
  householdId: randomUUID(),
  villageCode: '640104001001',
  category: 'developing',
  members: 4,
  head: { name: 'Ma Lan' },
  enrolmentYear: 2012,
});

describe('enrolling a household', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
  });
  afterAll(async () => {
    await app.close();
  });

  it('appends HouseholdEnrolled to the household stream and answers 201 with revision and position', async () => {
    const body = valid();
    const response = await request(app.http).post('/households').set('X-Actor', 'registrar-7').send(body).expect(201);
    expect(response.body).toEqual({ householdId: body.householdId, revision: 0, position: expect.stringMatching(/^\d+$/) });
    const [event] = await app.runtime.eventStore.readStream(`household-${body.householdId}`);
    expect(event.type).toBe('HouseholdEnrolled');
    expect(event.data).toEqual({ ...body, batch: 1 });
    expect(event.metadata).toMatchObject({ actor: 'registrar-7', occurredAt: expect.any(String), recordedAt: expect.any(String) });
  });

  it('gives the household an id when none is sent', async () => {
    const { householdId, ...body } = valid();
    const response = await request(app.http).post('/households').send(body).expect(201);
    expect(response.body.householdId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.householdId).not.toBe(householdId);
  });

  it('refuses to enrol the same household twice with 409 and appends nothing', async () => {
    const body = valid();
    await request(app.http).post('/households').send(body).expect(201);
    const before = await logLength(app);
    const response = await request(app.http).post('/households').send(body).expect(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 409, code: 'household-already-enrolled' });
    expect(await logLength(app)).toBe(before);
  });

  const badRequests: [string, () => request.Test, number, string][] = [
    [
      'a missing field',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), category: undefined }),
      400,
      'invalid-request',
    ],
    [
      'an unknown field',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), income: 5 }),
      400,
      'invalid-request',
    ],
    [
      'a wrong type',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), members: 'four' }),
      400,
      'invalid-request',
    ],
    [
      'an unknown category',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), category: 'wealthy' }),
      400,
      'invalid-request',
    ],
    [
      'an out-of-range value',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), members: 0 }),
      400,
      'invalid-members',
    ],
    [
      'a malformed village code',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), villageCode: '6401' }),
      400,
      'invalid-request',
    ],
    [
      'a head without a name',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), head: {} }),
      400,
      'invalid-request',
    ],
    [
      'malformed JSON',
      () => request(app.http).post('/households').set('Content-Type', 'application/json').send('{"category": '),
      400,
      'malformed-json',
    ],
    ['a JSON array', () => request(app.http).post('/households').send([valid()]), 400, 'invalid-request'],
    [
      'an oversized body',
      () =>
        request(app.http)
          .post('/households')
          .send({ ...valid(), head: { name: 'x'.repeat(70_000) } }),
      413,
      'body-too-large',
    ],
  ];

  it.each(badRequests)('answers %s with a problem and appends nothing', async (_label, send, status, code) => {
    const before = await logLength(app);
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, type: expect.stringContaining(code), title: expect.any(String) });
    expect(await logLength(app)).toBe(before);
  });

  it('never echoes personal data in a problem, and appends nothing', async () => {
    const before = await logLength(app);
    const response = await request(app.http)
      .post('/households')
      .send({ ...valid(), head: { name: 'Secret Name', idNumber: 'bad-id' } })
      .expect(400);
    expect(JSON.stringify(response.body)).not.toContain('bad-id');
    expect(JSON.stringify(response.body)).not.toContain('Secret Name');
    expect(await logLength(app)).toBe(before);
  });

  it('counts enrolled households by category for the city from the read model', async () => {
    const before = await request(app.http).get('/indicators/households-enrolled?by=category').expect(200);
    const count = (body: { rows: { category: string; numerator: number }[] }, category: string) =>
      body.rows.find((r) => r.category === category)?.numerator ?? 0;
    await request(app.http)
      .post('/households')
      .send({ ...valid(), category: 'elderly' })
      .expect(201);
    await request(app.http)
      .post('/households')
      .send({ ...valid(), category: 'elderly', villageCode: '640181002003' })
      .expect(201);
    await request(app.http)
      .post('/households')
      .send({ ...valid(), category: 'stable' })
      .expect(201);
    const after = await eventually(async () => {
      const response = await request(app.http).get('/indicators/households-enrolled?by=category').expect(200);
      expect(count(response.body, 'elderly')).toBe(count(before.body, 'elderly') + 2);
      expect(count(response.body, 'stable')).toBe(count(before.body, 'stable') + 1);
      return response.body;
    });
    expect(after.reflects.position).toMatch(/^\d+$/);
  });

  it('refuses an unknown indicator dimension with 400 naming it', async () => {
    const response = await request(app.http).get('/indicators/households-enrolled?by=colour').expect(400);
    expect(response.body.detail).toContain('colour');
  });

  it('reports health with projection lag, and Prometheus metrics', async () => {
    const health = await request(app.http).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(health.body.projections[0]).toMatchObject({ projection: 'category-counts', eventsBehind: expect.any(Number) });
    const metrics = await request(app.http).get('/metrics').expect(200);
    expect(metrics.text).toContain('family_ledger_events_appended_total');
    expect(metrics.text).toContain('family_ledger_projection_lag_events{projection="category-counts"}');
    expect(metrics.text).toContain('family_ledger_http_request_duration_seconds_bucket');
  });
});
