/**
 * The dashboard as the server renders it (apps/api's web-app-render.ts, apps/web's opening/): the page as
 * served, before any script runs, holds the tiles made from the API's own answers to the same user (their
 * scope, their suppression) and those answers; no one else's, nothing without a session, no answer's text
 * able to end the script it is carried in; and the browser takes it over in the language it chose.
 */
import { Browser } from 'playwright-core';
import request from 'supertest';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { projectionsCaughtUp } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { settled } from './support/journey';
import { createUser, startWebService, WebService, WebUser } from './support/web-service';

const ANON = { 'X-Test-Anonymous': '1' };
const TILE_READS = ['enrolment-vs-target', 'certification-goal', 'satisfaction-rate', 'loan-principal-granted'];
type Row = Record<string, unknown>;

describeInBrowser('the dashboard as the server renders it', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  const password = 'a long enough password';
  const district: WebUser = { username: 'qian-analyst', password, roles: ['analyst'], ou: '640104', displayName: '钱分析' };
  // A display name is the admin's free text, and the page carries the user's session answer.
  const hostile = '</script><script>window.__owned = 1</script><!--';
  const city: WebUser = { username: 'sun-analyst', password, roles: ['analyst'], ou: '640100', displayName: hostile };
  // The indicators are not a registrar's to read: the page cannot be rendered for them.
  const registrar: WebUser = { username: 'li-registrar', password, roles: ['registrar'], ou: '640104' };

  const signIn = async (user: WebUser) => {
    const answer = await request(service.app.http).post('/auth/sessions').set(ANON).send({ username: user.username, password });
    const cookie = ([] as string[]).concat(answer.headers['set-cookie'] ?? []).find((line) => line.startsWith('fl_session='));
    if (!cookie) throw new Error(`${user.username} was not signed in: ${answer.status}`);
    return cookie.split(';')[0];
  };
  const served = (cookie?: string) => {
    const asked = request(service.app.http).get('/app/dashboard').set(ANON).set('Accept', 'text/html');
    return cookie ? asked.set('Cookie', cookie) : asked;
  };
  const stateOf = (html: string) => {
    const carried = /<script type="application\/json" id="opening-state">(.*?)<\/script>/s.exec(html)?.[1];
    return carried === undefined ? undefined : (JSON.parse(carried) as { lang: string; answers: Record<string, unknown> });
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await Promise.all([district, city, registrar].map((user) => createUser(service.app, user)));
    await seedCampaign(service.app.runtime.eventStore, service.app.runtime.dataSource);
    await projectionsCaughtUp(service.app);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("serves a district analyst's tiles made from the API's answers to that analyst, and nothing of the city's", async () => {
    const cookie = await signIn(district);
    const page = await served(cookie).expect(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    const state = stateOf(page.text)!;
    for (const name of TILE_READS) {
      const path = `/indicators/${name}?ou=640104&pe=2012`;
      const asked = await request(service.app.http).get(path).set(ANON).set('Cookie', cookie).expect(200);
      expect(state.answers[path]).toEqual(asked.body);
    }
    expect(Object.keys(state.answers).filter((path) => path.includes('ou=640100'))).toEqual([]);
    // The tiles as the page shows them: a rate from the answer's counts; a suppressed cell as suppressed.
    const rows = (name: string) => (state.answers[`/indicators/${name}?ou=640104&pe=2012`] as { rows: Row[] }).rows;
    const sum = (name: string, field: string) => rows(name).reduce((total, row) => total + (row[field] as number), 0);
    const certified = sum('certification-goal', 'numerator') / sum('certification-goal', 'denominator');
    expect(page.text).toMatch(new RegExp(`data-testid="tile-certified".*?data-testid="tile-value" data-raw="${certified}"`, 's'));
    // The district's principal is of its one or two loans: withheld from the analyst, and shown so on the tile.
    expect(rows('loan-principal-granted').some((row) => row.suppressed)).toBe(true);
    expect(page.text).toMatch(/data-testid="tile-loans"((?!data-testid=).)*data-suppressed="true"/s);
  });

  it('serves the page as built, with nothing of anyone, without a session', async () => {
    const page = await served().expect(200);
    expect(stateOf(page.text)).toBeUndefined();
    expect(page.text).toContain('<div id="root"></div>');
    // The server's renderer is a build artefact beside the app, never one of its files.
    for (const accept of ['*/*', 'text/html']) {
      const asked = await request(service.app.http).get('/.server/render.cjs').set(ANON).set('Accept', accept);
      expect(asked.text).not.toContain('renderOpening');
    }
  });

  it('serves it unrendered, naming the reads for the browser to ask, to a user the API refuses them', async () => {
    const cookie = await signIn(registrar);
    await request(service.app.http).get('/indicators/certification-goal?ou=640104&pe=2012').set(ANON).set('Cookie', cookie).expect(403);
    const page = await served(cookie).expect(200);
    expect(stateOf(page.text)).toBeUndefined();
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.text).toContain('<link rel="preload" as="fetch" crossorigin href="/indicators/certification-goal?ou=640104&pe=2012">');
  });

  it("keeps an answer's text from ending the script that carries it", async () => {
    const page = await served(await signIn(city)).expect(200);
    expect(page.text).not.toContain(hostile);
    const state = stateOf(page.text)!;
    expect((state.answers['/auth/session'] as { user: { displayName: string } }).user.displayName).toBe(hostile);
  });

  it('renders in the language the browser chose, which takes it over without a mismatch', async () => {
    const context = await newContext(browser);
    await context.addCookies([{ name: 'fl_session', value: (await signIn(city)).split('=')[1], url: service.baseUrl }]);
    // Not about:blank's storage, which the first page of a context may not touch.
    await context.addInitScript({ content: "if (location.protocol === 'http:') localStorage.setItem('lang', 'en');" });
    const page = await context.newPage();
    const errors: string[] = [];
    // (The browser's own ask for /favicon.ico, which the app has none of, is not the page's.)
    const ours = (url: string) => !url.endsWith('/favicon.ico');
    page.on('console', (message) => void (message.type() === 'error' && ours(message.location().url) && errors.push(message.text())));
    page.on('pageerror', (error) => errors.push(error.message));
    // First load: English chosen before the server could know it; the page is made afresh in English, and
    // the choice is now a cookie. Second load: rendered in English by the server, and hydrated as it is.
    for (const load of ['afresh', 'hydrated']) {
      const answer = await page.goto(`${service.baseUrl}/app/dashboard`);
      expect(stateOf(await answer!.text())?.lang).toBe(load === 'afresh' ? 'zh-CN' : 'en');
      await page.getByTestId('tile-enrolled').getByTestId('tile-value').waitFor();
      await settled(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/dashboard/i);
    }
    expect(await page.evaluate(() => (globalThis as { __owned?: number }).__owned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});
