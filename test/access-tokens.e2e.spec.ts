/** Bearer tokens: what is refused with 401, what a valid one carries into the log, and the HTTP hardening around them. */
import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import { issueToken } from '@libs/auth';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_ISSUER, untrustedKey } from './support/test-auth';

const enrolment = () => ({
  householdId: randomUUID(),
  villageCode: '640104001001',
  category: 'stable',
  members: 2,
  head: { name: 'Token Tester' },
});

describe('bearer tokens', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (token: string) => request(app.http).get('/indicators').set('Authorization', `Bearer ${token}`);

  it('accepts a valid token of a permitted role', async () => {
    await get(await app.token('analyst')).expect(200);
  });

  it('answers 401 with a Bearer challenge when no token is sent', async () => {
    const response = await request(app.http).get('/indicators').set('X-Test-Anonymous', '1').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('refuses an expired token', async () => {
    const response = await get(await app.token('analyst', { expiresInSeconds: -60 })).expect(401);
    expect(response.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('expired') });
  });

  it('refuses a token signed by a key it does not trust', async () => {
    const token = await issueToken(
      untrustedKey,
      { sub: 'mallory', roles: ['admin'], ou: '640100' },
      { expiresInSeconds: 600, issuer: TEST_ISSUER },
    );
    const response = await get(token).expect(401);
    expect(response.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('not signed by a trusted key') });
  });

  it('refuses an unsigned token and one signed with a shared secret', async () => {
    const claims = { roles: ['admin'], ou: '640100' };
    const none = new UnsecuredJWT(claims).setSubject('mallory').setIssuer(TEST_ISSUER).setExpirationTime('1h').encode();
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(TEST_ISSUER)
      .setExpirationTime('1h')
      .sign(new Uint8Array(32));
    await request(app.http).get('/indicators').set('Authorization', `Bearer ${none}`).expect(401);
    await get(hmac).expect(401);
  });

  it.each([
    ['not a JWT', 'Bearer abc'],
    ['three garbage parts', 'Bearer aaa.bbb.ccc'],
    ['another scheme', 'Basic YWRtaW46YWRtaW4='],
    ['an empty bearer', 'Bearer '],
    ['a token with spaces', 'Bearer a.b c.d'],
  ])('refuses a malformed Authorization header: %s', async (_label, header) => {
    const response = await request(app.http).get('/indicators').set('Authorization', header).expect(401);
    expect(response.body.code).toBe('invalid-token');
  });

  it('refuses a token whose claims are incomplete or unknown', async () => {
    const [noRoles, badRole, badOu] = await Promise.all([
      app.token([] as never),
      app.token('emperor' as never),
      app.token('analyst', { ou: 'everywhere' }),
    ]);
    for (const token of [noRoles, badRole, badOu]) expect((await get(token).expect(401)).body.detail).toContain('claims');
  });

  it('records the token subject as the actor, whatever X-Actor a non-admin sends', async () => {
    const body = enrolment();
    const token = await app.token('registrar', { sub: 'registrar-17' });
    await request(app.http)
      .post('/households')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Actor', 'someone-else')
      .send(body)
      .expect(201);
    const [event] = await app.runtime.eventStore.readStream(`household-${body.householdId}`);
    expect(event.metadata.actor).toBe('registrar-17');
  });

  it('logs every read of personal data by an auditor or admin with the stated purpose', async () => {
    const body = enrolment();
    await request(app.http).post('/households').send(body).expect(201);
    const auditor = await app.token('auditor', { sub: 'auditor-3' });
    await request(app.http)
      .get(`/households/${body.householdId}`)
      .set('Authorization', `Bearer ${auditor}`)
      .set('X-Purpose', 'annual audit 2012')
      .expect(200);
    await request(app.http)
      .get(`/households/${body.householdId}`)
      .set('Authorization', `Bearer ${await app.token('registrar')}`)
      .expect(200);
    const rows = await app.runtime.dataSource.query(`SELECT actor, route, path, purpose FROM personal_data.access_log WHERE path = $1`, [
      `/households/${body.householdId}`,
    ]);
    expect(rows).toEqual([
      { actor: 'auditor-3', route: '/households/:id', path: `/households/${body.householdId}`, purpose: 'annual audit 2012' },
    ]);
    const log = await request(app.http).get('/privacy/access-log?actor=auditor-3').set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(log.body.reads[0]).toMatchObject({ actor: 'auditor-3', purpose: 'annual audit 2012' });
  });

  it('refuses a purpose with control characters', async () => {
    const response = await request(app.http).get('/indicators').set('X-Purpose', 'a\tb').expect(400);
    expect(response.body.code).toBe('invalid-header');
  });

  it('sends security headers on every answer', async () => {
    const response = await request(app.http).get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('needs no token for the health check, the API description and the audit public key', async () => {
    const statuses = [];
    for (const path of ['/health', '/openapi.json', '/audit/public-key']) {
      statuses.push([path, (await request(app.http).get(path).set('X-Test-Anonymous', '1')).status]);
    }
    expect(statuses).toEqual([
      ['/health', 200],
      ['/openapi.json', 200],
      ['/audit/public-key', 200],
    ]);
  });
});

describe('rate limits per token', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_SECONDS: '600' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 429 past the limit for that token while another token goes on', async () => {
    const busy = `Bearer ${await app.token('analyst', { sub: 'busy' })}`;
    for (let i = 0; i < 3; i++) await request(app.http).get('/indicators').set('Authorization', busy).expect(200);
    const refused = await request(app.http).get('/indicators').set('Authorization', busy).expect(429);
    expect(refused.body).toMatchObject({ status: 429 });
    await request(app.http)
      .get('/indicators')
      .set('Authorization', `Bearer ${await app.token('analyst', { sub: 'calm' })}`)
      .expect(200);
  });
});
