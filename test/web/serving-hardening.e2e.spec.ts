/**
 * The built app and the API as an attacker meets them over HTTP: the headers that keep the page's scripts
 * its own and the page out of other sites' frames, no API answer kept by a cache, the session cookie's flags
 * behind a TLS proxy, a session planted before sign-in or held by a disabled user opening nothing, a wrong
 * CSRF token refused, and no file outside the build (nor its hidden files or source maps) served.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { logLength } from '../support/test-app';
import { createUser, startWebService, WebService, WebUser } from './support/web-service';

const ANON = { 'X-Test-Anonymous': '1' };
const HTML = { ...ANON, Accept: 'text/html' };
const BUILD = join(__dirname, '..', '..', 'dist', 'web');

const cookieLine = (answer: request.Response) =>
  ([] as string[]).concat(answer.headers['set-cookie'] ?? []).find((line) => line.startsWith('fl_session='));
const cookieOf = (answer: request.Response) => cookieLine(answer)!.split(';')[0];

describe('the app and the API under attack over HTTP', () => {
  let service: WebService;
  const password = 'a long enough password';
  const registrar: WebUser = { username: 'gao-registrar', password, roles: ['registrar'], ou: '640104' };
  const http = () => request(service.app.http);
  const signIn = (user: WebUser, headers: Record<string, string> = {}) =>
    http().post('/auth/sessions').set(ANON).set(headers).send({ username: user.username, password: user.password });
  // A scoped user does not choose ids: the service names the household.
  const enrolment = () => ({
    villageCode: '640104001001',
    category: 'stable',
    members: 3,
    head: { name: '高兰' },
  });

  beforeAll(async () => {
    service = await startWebService();
    await createUser(service.app, registrar);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('answers the page and the API with a policy that runs only its own scripts and frames them in no other site', async () => {
    const asset = readdirSync(join(BUILD, 'assets')).find((file) => file.endsWith('.js'))!;
    for (const answer of [
      await http().get('/app/').set(HTML),
      await http().get('/auth/session').set(ANON),
      await http().get(`/assets/${asset}`),
    ]) {
      const policy = Object.fromEntries(
        String(answer.headers['content-security-policy'])
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect({
        script: policy['script-src'],
        scriptAttributes: policy['script-src-attr'],
        objects: policy['object-src'],
        base: policy['base-uri'],
        frameAncestors: policy['frame-ancestors'],
        frameOptions: answer.headers['x-frame-options'],
        sniffing: answer.headers['x-content-type-options'],
        referrer: answer.headers['referrer-policy'],
      }).toEqual({
        script: "'self'",
        scriptAttributes: "'none'",
        objects: "'none'",
        base: "'self'",
        frameAncestors: "'self'",
        frameOptions: 'SAMEORIGIN',
        sniffing: 'nosniff',
        referrer: 'no-referrer',
      });
    }
  });

  it('keeps no API answer in any cache: the session and its token, the accounts, a household, a refusal', async () => {
    const signedIn = await signIn(registrar);
    const cookie = cookieOf(signedIn);
    const enrolled = await http()
      .post('/households')
      .set(ANON)
      .set({ Cookie: cookie, 'X-CSRF-Token': signedIn.body.csrfToken })
      .send(enrolment())
      .expect(201);
    const answers = {
      signIn: signedIn,
      session: await http().get('/auth/session').set(ANON).set('Cookie', cookie),
      enrolled,
      household: await http().get(`/households/${enrolled.body.householdId}`).set(ANON).set('Cookie', cookie),
      users: await http().get('/admin/users'),
      refused: await http().get('/admin/users').set(ANON).set('Cookie', cookie),
    };
    expect(
      Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, [answer.status, answer.headers['cache-control']]])),
    ).toEqual({
      signIn: [201, 'no-store'],
      session: [200, 'no-store'],
      enrolled: [201, 'no-store'],
      household: [200, 'no-store'],
      users: [200, 'no-store'],
      refused: [403, 'no-store'],
    });
    // The app's own files keep theirs.
    expect((await http().get('/app/').set(HTML)).headers['cache-control']).toBe('no-cache');
  });

  it("signs no one in from another site's form: a body that is not JSON sets no cookie, and no answer is shared cross-origin", async () => {
    const json = JSON.stringify({ username: registrar.username, password: registrar.password });
    for (const [type, body] of [
      ['text/plain', json],
      ['application/x-www-form-urlencoded', `username=${registrar.username}&password=${encodeURIComponent(password)}`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="username"\r\n\r\n${registrar.username}\r\n--x--`],
    ]) {
      const answer = await http()
        .post('/auth/sessions')
        .set({ ...ANON, Origin: 'http://evil.example', 'Content-Type': type })
        .send(body);
      expect([type, answer.status >= 400, cookieLine(answer), answer.headers['access-control-allow-origin']]).toEqual([
        type,
        true,
        undefined,
        undefined,
      ]);
    }
    const read = await http()
      .get('/auth/session')
      .set({ ...ANON, Origin: 'http://evil.example' });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks the session cookie Secure behind a proxy that ended TLS, and not on plain http where it would be lost', async () => {
    const behindProxy = await signIn(registrar, { 'X-Forwarded-Proto': 'https' });
    expect(cookieLine(behindProxy)).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    const out = await http()
      .delete('/auth/session')
      .set({ ...ANON, 'X-Forwarded-Proto': 'https', Cookie: cookieOf(behindProxy), 'X-CSRF-Token': behindProxy.body.csrfToken })
      .expect(204);
    expect(cookieLine(out)).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    expect(cookieLine(await signIn(registrar))).toMatch(/; HttpOnly; SameSite=Strict$/);
  });

  it('replaces a session planted in the browser before sign-in, and the planted one opens nothing after', async () => {
    // Planted: an id the attacker made up, and the attacker's own live session (a sign-in they want reused).
    const attacker: WebUser = { username: `att-${randomBytes(4).toString('hex')}`, password, roles: ['registrar'], ou: '640105' };
    await createUser(service.app, attacker);
    for (const planted of [`fl_session=${randomBytes(32).toString('base64url')}`, cookieOf(await signIn(attacker))]) {
      const victim = await signIn(registrar, { Cookie: planted });
      expect(victim.status).toBe(201);
      expect(cookieOf(victim)).not.toBe(planted);
      expect((await http().get('/auth/session').set(ANON).set('Cookie', planted)).status).toBe(401);
      expect((await http().get('/auth/session').set(ANON).set('Cookie', cookieOf(victim))).body.user.username).toBe(registrar.username);
    }
  });

  it("ends a disabled user's live session at once: the cookie reads nothing and writes nothing", async () => {
    const user: WebUser = { username: `dis-${randomBytes(4).toString('hex')}`, password, roles: ['registrar'], ou: '640104' };
    await createUser(service.app, user);
    const signedIn = await signIn(user);
    const cookie = { ...ANON, Cookie: cookieOf(signedIn), 'X-CSRF-Token': signedIn.body.csrfToken };
    expect((await http().get('/auth/session').set(cookie)).status).toBe(200);
    await http().post(`/admin/users/${user.username}/disable`).expect(204);
    const before = await logLength(service.app);
    const [session, write] = [
      await http().get('/auth/session').set(cookie),
      await http().post('/households').set(cookie).send(enrolment()),
    ];
    expect([session.status, write.status, write.headers['content-type']]).toEqual([
      401,
      401,
      expect.stringContaining('application/problem+json'),
    ]);
    expect(await logLength(service.app)).toBe(before);
  });

  it("refuses a cookie write carrying a wrong token, an empty one, or another live session's, appending nothing", async () => {
    const [mine, other] = [await signIn(registrar), await signIn({ ...registrar })];
    const before = await logLength(service.app);
    const forged = mine.body.csrfToken.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    for (const token of [forged, '', other.body.csrfToken, `${mine.body.csrfToken} `.repeat(2)]) {
      const answer = await http()
        .post('/households')
        .set(ANON)
        .set({ Cookie: cookieOf(mine), 'X-CSRF-Token': token })
        .send(enrolment());
      expect([answer.status, answer.body.code, answer.headers['content-type']]).toEqual([
        403,
        'csrf-token-invalid',
        expect.stringContaining('application/problem+json'),
      ]);
    }
    expect(await logLength(service.app)).toBe(before);
  });

  it('serves no file outside the build, none of its hidden files, and no source map', async () => {
    const secrets = [readFileSync('package.json', 'utf8').slice(0, 60), 'module.exports', 'renderOpening', '"routes"'];
    for (const path of [
      '/app/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/%5c..%5c..%5cpackage.json',
      '/.env',
      '/.opening.json',
      '/.server/render.cjs',
      '/.server%2frender.cjs',
      '/assets/../.server/render.cjs',
    ]) {
      for (const accept of ['text/html', '*/*']) {
        const answer = await http()
          .get(path)
          .set({ ...ANON, Accept: accept });
        expect([path, accept, [200, 404].includes(answer.status), secrets.filter((secret) => answer.text.includes(secret))]).toEqual([
          path,
          accept,
          true,
          [],
        ]);
      }
    }
    const scripts = readdirSync(join(BUILD, 'assets')).filter((file) => file.endsWith('.js'));
    expect(scripts.filter((file) => readFileSync(join(BUILD, 'assets', file), 'utf8').includes('sourceMappingURL'))).toEqual([]);
    expect((await http().get(`/assets/${scripts[0]}.map`)).status).toBe(404);
  });
});
