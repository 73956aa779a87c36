/**
 * Every endpoint × every role × a whole-city, an in-scope and an out-of-scope token, built from the
 * routes the app registers and the policy table, so a new endpoint joins the matrix by existing. The
 * fixtures sit in district 640104; the in-scope token is scoped to 640104, the out-of-scope one to 640105.
 */
import { allowedRoles, PolicyEntry, Role, ROLES } from '@libs/auth';
import { RegisteredRoute } from '@apps/api/src/auth/routes';
import {
  Answer,
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

type TokenScope = 'city' | 'in' | 'out';
type Expectation = { allow: true } | { allow: false; status: 403 | 404; code: string };

const GUARD_CODES = ['forbidden', 'out-of-scope', 'no-policy', 'department-required', 'other-department'];
/** Scope rules under which the guard answers an outside aggregate as missing. */
const HIDING = ['aggregate', 'body-household', 'path-ou', 'case-or-its-unit'];

/** What the policy table says should happen: the oracle the answers are held against. */
function expected(entry: PolicyEntry, role: Role, scope: TokenScope): Expectation {
  if (entry.roles === 'public') return { allow: true };
  if (!allowedRoles(entry).includes(role)) return { allow: false, status: 403, code: 'forbidden' };
  if (scope === 'city') return { allow: true };
  switch (entry.scope.kind) {
    case 'none':
    case 'own': // every scope is let in; what it receives is filtered (test/feed-scoped.e2e.spec.ts)
      return { allow: true };
    case 'city':
      return { allow: false, status: 403, code: 'out-of-scope' };
    case 'body':
    case 'query':
      return scope === 'in' ? { allow: true } : { allow: false, status: 403, code: 'out-of-scope' };
    default:
      return scope === 'in' ? { allow: true } : { allow: false, status: 404, code: 'not-found' };
  }
}

function denied(answer: Answer, entry: PolicyEntry): boolean {
  if (answer.status === 401) return true;
  if (answer.status === 403 && GUARD_CODES.includes(answer.json?.code ?? '')) return true;
  return answer.status === 404 && HIDING.includes(entry.scope.kind) && answer.json?.code === 'not-found';
}

/**
 * The sign-in routes are public and answer from the session cookie or password themselves (GET
 * /auth/session is 401 to a bearer token by design); test/auth-sessions.e2e.spec.ts covers them.
 */
const matrixRoutes = (app: TestApp) => apiRoutes(app).filter((route) => !route.path.startsWith('/auth/'));

describe('the access matrix', () => {
  let app: TestApp;
  let base: string;
  let fixtures: Fixtures;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
    fixtures = await createFixtures(app, base, { head: 'Matrix Head', need: 'matrix need' });
    for (const role of ROLES) {
      for (const [scope, ou] of [
        ['city', '640100'],
        ['in', IN_DISTRICT],
        ['out', OUT_DISTRICT],
      ] as const) {
        tokens.set(`${role}/${scope}`, await app.token(role, { ou, department: role === 'provider' ? DEPARTMENT : undefined }));
      }
    }
  });
  afterAll(async () => {
    await app.close();
  });

  async function call(route: RegisteredRoute, token: string | undefined): Promise<Answer> {
    const entry = policyOf(route);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Purpose': 'access matrix test' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const body = route.method === 'GET' ? undefined : JSON.stringify(scopeBody(entry, fixtures));
    return send(base, route.method, concretePath(route, fixtures), { headers, body });
  }

  it('covers the endpoints of every surface', () => {
    const prefixes = new Set(apiRoutes(app).map((route) => route.path.split('/')[1]));
    expect([...prefixes]).toEqual(
      expect.arrayContaining(['households', 'loans', 'cases', 'indicators', 'feed', 'consumer-groups', 'health']),
    );
  });

  it('answers every endpoint as the policy table says, for every role and scope', async () => {
    const mismatches: string[] = [];
    for (const route of matrixRoutes(app)) {
      const entry = policyOf(route)!;
      for (const role of ROLES) {
        for (const scope of ['city', 'in', 'out'] as const) {
          const want = expected(entry, role, scope);
          const answer = await call(route, tokens.get(`${role}/${scope}`));
          const ok = want.allow
            ? !denied(answer, entry) && answer.status !== 500
            : answer.status === want.status && answer.json?.code === want.code;
          if (!ok)
            mismatches.push(
              `${route.method} ${route.path} as ${role}/${scope}: wanted ${want.allow ? 'allow' : `${want.status} ${want.code}`}, got ${answer.status} ${answer.json?.code ?? ''}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000); // a request per route, role and scope: minutes on a loaded machine

  it('answers 401 on every protected endpoint when no token is sent', async () => {
    const open: string[] = [];
    for (const route of matrixRoutes(app)) {
      const entry = policyOf(route)!;
      const answer = await call(route, undefined);
      if (entry.roles === 'public' ? answer.status === 401 : answer.status !== 401)
        open.push(`${route.method} ${route.path}: ${answer.status}`);
    }
    expect(open).toEqual([]);
  });

  it('answers an aggregate outside the scope exactly as one that does not exist', async () => {
    const outside = await send(base, 'GET', `/households/${fixtures.householdId}`, {
      headers: { Authorization: `Bearer ${tokens.get('registrar/out')}` },
    });
    const missing = await send(base, 'GET', `/households/${fixtures.caseId}`, {
      headers: { Authorization: `Bearer ${tokens.get('registrar/out')}` },
    });
    expect(outside.status).toBe(404);
    expect(outside.body).toBe(missing.body);
  });

  it('refuses a scoped token that names a place outside beside its own, in the query or the body', async () => {
    const analyst = { Authorization: `Bearer ${tokens.get('analyst/in')}` };
    const query = await send(base, 'GET', `/indicators/households-enrolled?ou=${OUT_DISTRICT}&ou=${IN_DISTRICT}`, { headers: analyst });
    const registrar = { Authorization: `Bearer ${tokens.get('registrar/in')}`, 'Content-Type': 'application/json' };
    const body = await send(base, 'POST', '/households', {
      headers: registrar,
      body: JSON.stringify({ villageCode: [`${OUT_DISTRICT}001001`, `${IN_DISTRICT}001001`] }),
    });
    expect([query.status, query.json?.code, body.status, body.json?.code]).toEqual([403, 'out-of-scope', 403, 'out-of-scope']);
  });

  it('refuses a provider of another department for services and their satisfaction', async () => {
    const other = await app.token('provider', { ou: IN_DISTRICT, department: 'agriculture' });
    const headers = { Authorization: `Bearer ${other}`, 'Content-Type': 'application/json' };
    const deliver = await send(base, 'POST', `/households/${fixtures.householdId}/services`, {
      headers,
      body: JSON.stringify({ departmentCode: DEPARTMENT, serviceTypeCode: 'family-doctor', focusArea: 'health' }),
    });
    const rate = await send(base, 'POST', `/households/${fixtures.householdId}/services/${fixtures.serviceId}/satisfaction`, {
      headers,
      body: JSON.stringify({ response: 'satisfied' }),
    });
    expect([deliver.status, deliver.json?.code, rate.status, rate.json?.code]).toEqual([403, 'other-department', 403, 'other-department']);
  });
});
