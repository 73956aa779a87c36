/**
 * Shared ground for the access, fuzz and privacy suites: one household (with a need, a delivered service,
 * a loan) and one case in district 640104, and a way to turn any route template into a concrete request
 * against them. Requests go over a real socket with fetch, so a streaming answer (the SSE feed) can be
 * judged by its status and dropped.
 */
import { randomUUID } from 'node:crypto';
import { findPolicy, PolicyEntry, POLICY } from '@libs/auth';
import { registeredRoutes, RegisteredRoute } from '@apps/api/src/auth/routes';
import { TestApp } from './test-app';

export const IN_DISTRICT = '640104';
export const OUT_DISTRICT = '640105';
export const VILLAGE = '640104001001';
export const DEPARTMENT = 'health';

export interface Fixtures {
  householdId: string;
  serviceId: string;
  loanId: string;
  caseId: string;
  screeningId: string;
  activityId: string;
  supportId: string;
}

export interface Answer {
  status: number;
  body: string;
  json?: { code?: string; [key: string]: unknown };
  headers: Headers;
}

/** Starts listening (once) and returns the base URL. */
export async function baseUrl(app: TestApp): Promise<string> {
  if (!app.http.listening) await app.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
}

export async function send(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const abort = new AbortController();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'X-Test-Anonymous': '1', ...options.headers },
    body: options.body,
    signal: abort.signal,
  });
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    abort.abort();
    return { status: response.status, body: '', headers: response.headers };
  }
  const body = await response.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: response.status, body, json, headers: response.headers };
}

export async function createFixtures(app: TestApp, base: string, names: { head: string; need: string }): Promise<Fixtures> {
  const admin = { Authorization: `Bearer ${await app.token('admin')}`, 'Content-Type': 'application/json' };
  // The accountability endpoints take the acting official from X-Actor (an admin token may name one).
  const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const answer = await send(base, 'POST', path, { headers: { ...admin, ...headers }, body: JSON.stringify(body) });
    if (answer.status >= 300) throw new Error(`fixture ${path} answered ${answer.status}: ${answer.body}`);
    return answer.json!;
  };
  const fixtures = {
    householdId: randomUUID(),
    serviceId: randomUUID(),
    loanId: randomUUID(),
    caseId: randomUUID(),
    screeningId: randomUUID(),
    activityId: randomUUID(),
    supportId: randomUUID(),
  };
  await post('/households', {
    householdId: fixtures.householdId,
    villageCode: VILLAGE,
    category: 'developing',
    members: 4,
    head: { name: names.head, phone: '13912345678' },
  });
  await post(`/households/${fixtures.householdId}/needs`, { focusArea: 'health', kind: 'care', description: names.need });
  await post(`/households/${fixtures.householdId}/services`, {
    serviceId: fixtures.serviceId,
    departmentCode: DEPARTMENT,
    serviceTypeCode: 'family-doctor',
    focusArea: 'health',
  });
  await post('/loans', {
    loanId: fixtures.loanId,
    householdId: fixtures.householdId,
    borrowerGroup: 'woman',
    programmeCode: 'womens-micro-loan',
    principalFen: 2_000_000,
    interestSubsidyBps: 600,
    termMonths: 12,
    lender: 'Yinchuan Rural Credit Cooperative',
  });
  await post('/support', {
    supportId: fixtures.supportId,
    householdId: fixtures.householdId,
    programmeCode: 'award-support',
    amountFen: 96_000,
    units: 0,
  });
  await post(
    `/supervision/${IN_DISTRICT}/assignment`,
    { supervisorId: 'sup-matrix', reason: 'matrix fixture' },
    { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' },
  );
  await post(
    '/cases',
    {
      caseId: fixtures.caseId,
      subjectUnit: 'unit-1',
      districtCode: IN_DISTRICT,
      grounds: ['passive'],
      evidence: [{ reference: 'visit-1', description: 'nothing done' }],
      reason: 'matrix fixture',
    },
    { 'X-Actor': 'sup-matrix' },
  );
  await post('/screenings', {
    screeningId: fixtures.screeningId,
    villageCode: VILLAGE,
    subjectKind: 'pregnant-woman',
    person: { name: 'Fixture Mother', idNumber: '640104199001010020' },
  });
  await post('/activities', {
    activityId: fixtures.activityId,
    reason: 'matrix fixture',
    kind: 'lecture',
    focusArea: 'health',
    orgUnitCode: VILLAGE,
    departmentCode: DEPARTMENT,
    heldOn: '2012-01-05',
    sessions: 1,
    attendance: 30,
    costFen: 0,
    materials: { boards: 0, walls: 0, billboards: 0, lightBoxes: 0 },
  });
  return fixtures;
}

/** The concrete path of a route template against the fixtures; query parameters a scope rule reads are added. */
export function concretePath(route: RegisteredRoute, fixtures: Fixtures): string {
  const [, prefix] = route.path.split('/');
  const ids: Record<string, string> = {
    households: fixtures.householdId,
    loans: fixtures.loanId,
    cases: fixtures.caseId,
    screenings: fixtures.screeningId,
    activities: fixtures.activityId,
    support: fixtures.supportId,
  };
  const path = route.path
    .replace(':serviceId', fixtures.serviceId)
    .replace(':district', IN_DISTRICT)
    .replace(':stream', `household-${fixtures.householdId}`)
    .replace(':name', prefix === 'indicators' ? 'households-enrolled' : prefix === 'admin' ? 'category-counts' : 'matrix-group')
    .replace(':id', ids[prefix] ?? randomUUID());
  const entry = policyOf(route);
  return entry?.scope.kind === 'query' ? `${path}?${entry.scope.param}=${IN_DISTRICT}` : path;
}

/** A body carrying whatever the scope and department rules read, and nothing that could make a change stick. */
export function scopeBody(entry: PolicyEntry | undefined, fixtures: Fixtures): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (entry?.scope.kind === 'body') body[entry.scope.fields[0]] = entry.scope.fields[0] === 'villageCode' ? VILLAGE : IN_DISTRICT;
  if (entry?.scope.kind === 'body-household') body[entry.scope.field] = fixtures.householdId;
  if (entry?.department?.from === 'body') body[entry.department.field] = DEPARTMENT;
  return body;
}

export function policyOf(route: RegisteredRoute): PolicyEntry | undefined {
  return findPolicy(POLICY, route.method, route.path);
}

/** Routes worth requesting: the static assets of the API page are left out (one public rule covers them). */
export function apiRoutes(app: TestApp): RegisteredRoute[] {
  return registeredRoutes(app.app).filter((route) => !(route.path.startsWith('/docs/') && route.path !== '/docs/'));
}
