/**
 * A session cookie is let through exactly where a bearer token with the same claims is: every route,
 * every role, in and out of scope, the answers compared (writes carry the session's CSRF token).
 */
import { Role, ROLES } from '@libs/auth';
import {
  apiRoutes,
  baseUrl,
  concretePath,
  createFixtures,
  DEPARTMENT,
  Fixtures,
  IN_DISTRICT,
  OUT_DISTRICT,
  policyOf,
  scopeBody,
  send,
} from './support/access-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'access sessions password';

describe('cookie sessions against the policy table', () => {
  let app: TestApp;
  let base: string;
  let fixtures: Fixtures;
  const callers = new Map<string, { bearer: Record<string, string>; cookie: Record<string, string> }>();

  beforeAll(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
    fixtures = await createFixtures(app, base, { head: 'Session Head', need: 'session need' });
    const admin = { Authorization: `Bearer ${await app.token('admin')}`, 'Content-Type': 'application/json' };
    for (const role of ROLES) {
      for (const [scope, ou] of [
        ['in', IN_DISTRICT],
        ['out', OUT_DISTRICT],
      ] as const) {
        const username = `${role}-${scope}`;
        const department = role === 'provider' ? DEPARTMENT : undefined;
        const created = await send(base, 'POST', '/admin/users', {
          headers: admin,
          body: JSON.stringify({ username, password: PASSWORD, roles: [role], ou, department }),
        });
        if (created.status !== 201) throw new Error(`user ${username}: ${created.body}`);
        const signedIn = await fetch(`${base}/auth/sessions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Test-Anonymous': '1' },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        const cookie = signedIn.headers
          .getSetCookie()
          .find((line) => line.startsWith('fl_session='))!
          .split(';')[0];
        const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
        callers.set(`${role}/${scope}`, {
          bearer: { Authorization: `Bearer ${await app.token(role as Role, { ou, sub: username, department })}` },
          cookie: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
        });
      }
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers every route to a session as to a bearer token with the same claims', async () => {
    const differences: string[] = [];
    const seen = new Set<number>();
    for (const route of apiRoutes(app).filter((r) => !r.path.startsWith('/auth/'))) {
      const body = route.method === 'GET' ? undefined : JSON.stringify(scopeBody(policyOf(route), fixtures));
      for (const [who, headers] of callers) {
        const common = { 'Content-Type': 'application/json', 'X-Purpose': 'session matrix test' };
        const byToken = await send(base, route.method, concretePath(route, fixtures), { headers: { ...common, ...headers.bearer }, body });
        const byCookie = await send(base, route.method, concretePath(route, fixtures), { headers: { ...common, ...headers.cookie }, body });
        // A PUT creates (201) or confirms what exists (200): the second caller of the pair confirms the first's.
        const status = (answer: typeof byToken) => (route.method === 'PUT' && answer.status === 201 ? 200 : answer.status);
        const [a, b] = [`${status(byToken)} ${byToken.json?.code ?? ''}`, `${status(byCookie)} ${byCookie.json?.code ?? ''}`];
        seen.add(byCookie.status);
        if (a !== b) differences.push(`${route.method} ${route.path} as ${who}: token ${a}, cookie ${b}`);
      }
    }
    expect(differences).toEqual([]);
    // Both were let through somewhere and refused elsewhere: the comparison is not of two refusals.
    expect([...seen]).toEqual(expect.arrayContaining([200, 400, 403, 404]));
    // Some 2,000 requests: minutes on a loaded machine.
  }, 300_000);
});
