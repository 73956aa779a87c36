/**
 * Signing in from a browser: local accounts, the session cookie, CSRF on cookie writes, throttled
 * guessing, sign-out, and the same scope rules as bearer tokens. Over HTTP against a real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

const ANON = { 'X-Test-Anonymous': '1' };
const PASSWORD = 'correct horse battery';

function cookieOf(answer: request.Response): string {
  const header = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const cookie = header.find((line) => line.startsWith('fl_session='));
  if (!cookie) throw new Error('no fl_session cookie');
  return cookie.split(';')[0];
}

describe('browser sessions', () => {
  let app: TestApp;
  const logged: string[] = [];

  beforeAll(async () => {
    process.env.SIGN_IN_FAILURE_DELAY_MS = '20';
    app = await startTestApp();
    delete process.env.SIGN_IN_FAILURE_DELAY_MS;
    for (const level of ['log', 'warn', 'error', 'debug', 'verbose'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void logged.push(String(args[0])));
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  async function addUser(username: string, roles: string[], ou: string): Promise<void> {
    const answer = await request(app.http)
      .post('/admin/users')
      .send({ username, password: PASSWORD, displayName: `用户 ${username}`, roles, ou });
    expect(answer.status).toBe(201);
  }

  async function signIn(username: string, password = PASSWORD) {
    return request(app.http).post('/auth/sessions').set(ANON).send({ username, password });
  }

  async function session(username: string): Promise<{ cookie: string; csrf: string }> {
    const answer = await signIn(username);
    expect(answer.status).toBe(201);
    return { cookie: cookieOf(answer), csrf: answer.body.csrfToken };
  }

  const enrolment = () => ({
    householdId: randomUUID(),
    villageCode: '640104001001',
    category: 'stable',
    members: 3,
    head: { name: 'Ma Lan' },
  });

  it('signs a user in with an httpOnly, SameSite=Strict session cookie and answers the user and a CSRF token', async () => {
    await addUser('wang', ['registrar'], '640104');
    const answer = await signIn('wang');
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      user: { username: 'wang', displayName: '用户 wang', roles: ['registrar'], ou: '640104' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
    });
    const cookie = ([] as string[]).concat(answer.headers['set-cookie']).find((line) => line.startsWith('fl_session='))!;
    expect(cookie).toMatch(/^fl_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const current = await request(app.http).get('/auth/session').set(ANON).set('Cookie', cookieOf(answer));
    expect([current.status, current.body]).toEqual([200, answer.body]);
  });

  it("keeps no idempotent answer of a sign-in: a repeated one opens a new session and ends the browser's previous one", async () => {
    const send = () =>
      request(app.http).post('/auth/sessions').set(ANON).set('Idempotency-Key', 'sign-in-1').send({ username: 'wang', password: PASSWORD });
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status, second.headers['idempotent-replayed']]).toEqual([201, 201, undefined]);
    expect(cookieOf(second)).not.toBe(cookieOf(first));
    const again = await request(app.http)
      .post('/auth/sessions')
      .set(ANON)
      .set('Cookie', cookieOf(second))
      .send({ username: 'wang', password: PASSWORD });
    expect(again.status).toBe(201);
    expect((await request(app.http).get('/auth/session').set(ANON).set('Cookie', cookieOf(second))).status).toBe(401);
    const kept = await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM idempotency.keys WHERE key LIKE '%sign-in-1'`);
    expect(kept[0].n).toBe(0);
  });

  it('refuses a wrong password and an unknown user alike, and logs the failure without the password', async () => {
    const wrongPassword = 'not-the-password-4711';
    const wrong = await signIn('wang', wrongPassword);
    const unknown = await signIn('nobody', wrongPassword);
    expect([wrong.status, wrong.body.code, wrong.headers['set-cookie']]).toEqual([401, 'invalid-credentials', undefined]);
    expect(unknown.body).toEqual(wrong.body);
    expect(logged.some((line) => line.includes('sign-in failed for wang'))).toBe(true);
    expect(logged.filter((line) => line.includes(wrongPassword))).toEqual([]);
    expect(JSON.stringify(wrong.body)).not.toContain(wrongPassword);
  });

  it('refuses a cookie write without the CSRF token, appending nothing, and takes it with the token', async () => {
    const { cookie, csrf } = await session('wang');
    const before = await logLength(app);
    const forged = await request(app.http).post('/households').set(ANON).set('Cookie', cookie).send(enrolment());
    expect([forged.status, forged.body.code]).toEqual([403, 'csrf-token-invalid']);
    const wrongToken = await request(app.http)
      .post('/households')
      .set(ANON)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', `${csrf.slice(0, -2)}xx`)
      .send(enrolment());
    expect([wrongToken.status, wrongToken.body.code]).toEqual([403, 'csrf-token-invalid']);
    expect(await logLength(app)).toBe(before);

    // A scoped user does not choose ids (issue 21 item 11): the service names the household.
    const { householdId: _chosen, ...body } = enrolment();
    const written = await request(app.http).post('/households').set(ANON).set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
    expect(written.status).toBe(201);
    expect(await logLength(app)).toBe(before + 1);
    const { householdId } = written.body;
    const [{ actor }] = await app.runtime.dataSource.query(
      `SELECT metadata->>'actor' AS actor FROM event_store.events WHERE stream_id = $1`,
      [`household-${householdId}`],
    );
    expect(actor).toBe('wang');
    const read = await request(app.http).get(`/households/${householdId}`).set(ANON).set('Cookie', cookie);
    expect(read.status).toBe(200);
  });

  it('keeps a user scoped to another district from reading a household, as a bearer token would be', async () => {
    const body = enrolment();
    expect((await request(app.http).post('/households').send(body)).status).toBe(201);
    await addUser('li', ['registrar'], '640105');
    const { cookie } = await session('li');
    const outside = await request(app.http).get(`/households/${body.householdId}`).set(ANON).set('Cookie', cookie);
    const missing = await request(app.http).get(`/households/${randomUUID()}`).set(ANON).set('Cookie', cookie);
    expect([outside.status, outside.body.code]).toEqual([404, 'not-found']);
    expect(outside.body).toEqual(missing.body);
  });

  it('signs out only with the CSRF token, then the cookie opens nothing', async () => {
    const { cookie, csrf } = await session('wang');
    const forged = await request(app.http).delete('/auth/session').set(ANON).set('Cookie', cookie);
    expect([forged.status, forged.body.code]).toEqual([403, 'csrf-token-invalid']);
    expect((await request(app.http).get('/auth/session').set(ANON).set('Cookie', cookie)).status).toBe(200);

    const out = await request(app.http).delete('/auth/session').set(ANON).set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(
      /^fl_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict/,
    );
    expect((await request(app.http).get('/auth/session').set(ANON).set('Cookie', cookie)).status).toBe(401);
    expect((await request(app.http).get('/indicators').set(ANON).set('Cookie', cookie)).status).toBe(401);
  });

  it('lets administrators list, re-password and disable users; a disabled user cannot sign in', async () => {
    await addUser('zhao', ['analyst'], '640106');
    const duplicate = await request(app.http)
      .post('/admin/users')
      .send({ username: 'zhao', password: PASSWORD, roles: ['analyst'], ou: '640106' });
    const badRole = await request(app.http)
      .post('/admin/users')
      .send({ username: 'qian', password: PASSWORD, roles: ['wizard'], ou: '640106' });
    const badPlace = await request(app.http)
      .post('/admin/users')
      .send({ username: 'qian', password: PASSWORD, roles: ['analyst'], ou: '999999' });
    expect([
      duplicate.status,
      duplicate.body.code,
      badRole.status,
      badRole.body.errors[0].field,
      badPlace.status,
      badPlace.body.errors[0].field,
    ]).toEqual([409, 'user-exists', 400, 'roles', 400, 'ou']);
    const list = await request(app.http).get('/admin/users');
    expect(list.body.items.find((user: { username: string }) => user.username === 'zhao')).toEqual({
      username: 'zhao',
      displayName: '用户 zhao',
      roles: ['analyst'],
      ou: '640106',
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);

    const { cookie } = await session('zhao');
    expect((await request(app.http).post('/admin/users/zhao/password').send({ password: 'another long password' })).status).toBe(204);
    expect((await request(app.http).get('/auth/session').set(ANON).set('Cookie', cookie)).status).toBe(401);
    expect((await signIn('zhao', 'another long password')).status).toBe(201);
    expect((await request(app.http).post('/admin/users/zhao/disable')).status).toBe(204);
    expect((await signIn('zhao', 'another long password')).status).toBe(401);
    const analyst = await session('wang');
    const notAdmin = await request(app.http).get('/admin/users').set(ANON).set('Cookie', analyst.cookie);
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, 'forbidden']);
  });

  it('refuses a username after repeated failures with 429 and Retry-After, even with the right password', async () => {
    await addUser('sun', ['analyst'], '640100');
    for (let i = 0; i < 5; i++) expect((await signIn('sun', `guess number ${i}`)).status).toBe(401);
    const refused = await signIn('sun');
    expect([refused.status, refused.body.code, refused.headers['content-type']]).toEqual([
      429,
      'sign-in-throttled',
      expect.stringContaining('application/problem+json'),
    ]);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(logged.some((line) => line.includes('sign-in refused for sun'))).toBe(true);
  });

  // Last: it locks out the test client's address.
  it('refuses a client address after repeated failures across usernames', async () => {
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) status = (await signIn(`someone-${i}`, 'whatever it is')).status;
    expect(status).toBe(429);
    const refused = await signIn('wang');
    expect(refused.status).toBe(429);
  });

  it('describes the sign-in and user endpoints in the OpenAPI document', async () => {
    const { body } = await request(app.http).get('/openapi.json');
    expect(Object.keys(body.paths['/auth/sessions'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '429']));
    expect(body.components.schemas.SignInDto.required).toEqual(['username', 'password']);
    expect(body.components.schemas.NewUserDto.properties.roles.items.enum).toContain('analyst');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/auth/session',
        '/admin/users',
        '/admin/users/{username}/password',
        '/admin/users/{username}/disable',
        '/org-units',
        '/reference-data',
      ]),
    );
  });
});
