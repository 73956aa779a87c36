/** Fail closed, and know it: every route the app registers has an entry in the access policy table. */
import { findPolicy, POLICY } from '@libs/auth';
import { registeredRoutes } from '@apps/api/src/auth/routes';
import { startTestApp, TestApp } from './support/test-app';

describe('the access policy table', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the registered routes of the app', () => {
    const routes = registeredRoutes(app.app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /health', 'POST /households', 'POST /households/:id/erasure']));
  });

  it('has an entry for every registered route', () => {
    const missing = registeredRoutes(app.app).filter((route) => !findPolicy(POLICY, route.method, route.path));
    expect(missing).toEqual([]);
  });

  it('puts every route except the documented open ones behind a token', () => {
    const open = registeredRoutes(app.app).filter((route) => findPolicy(POLICY, route.method, route.path)?.roles === 'public');
    const allowed = [
      '/health',
      '/openapi.json',
      '/docs',
      '/audit/public-key',
      '/audit/public-keys',
      '/schemas/events',
      '/asyncapi.json',
      '/calendar',
      '/auth/sessions',
      '/auth/session',
    ];
    expect(open.filter((route) => !allowed.some((prefix) => route.path === prefix || route.path.startsWith(`${prefix}/`)))).toEqual([]);
  });
});
