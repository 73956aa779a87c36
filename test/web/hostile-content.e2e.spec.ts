/**
 * Text that field staff and administrators type is shown as text: markup, script URLs, template braces,
 * direction overrides and zero-width characters in a case's reasons and requirements, a household head's
 * name and a user's display name run nothing and inject no element on the pages that show them (the server's
 * render of the dashboard included), and show as typed. The page also stays out of another site's frame,
 * follows no return address off the service, and leaves nothing of the user in the browser's storage or the
 * page once signed out.
 */
import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { eventually } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService, WebUser } from './support/web-service';

// Only inside page.evaluate and init scripts (the browser's globals); the test program itself has no DOM lib.
declare const window: any;
declare const document: any;
declare const localStorage: any;
declare const sessionStorage: any;

/** Each payload, if it ever became markup or code, sets window.__xss, opens a dialog or leaves an element marked data-xss. */
const PAYLOADS = [
  `<script>window.__xss='script'</script>`,
  `<img src=x data-xss onerror="window.__xss='img'">`,
  `"><svg data-xss onload="alert('svg')">`,
  `javascript:window.__xss='url'`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `\u202Egnp.exe\u202C 马\u200B兰\u200D`,
];
const hostile = (label: string) => `${label} ${PAYLOADS.join(' ')}`;
const DISTRICT = '640104';
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

describeInBrowser('hostile text typed by staff, shown in the pages', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  const password = 'a long enough password';
  const reason = `${hostile('原因')} ${'很长的说明'.repeat(120)}`;
  const requirement = hostile('要求');
  const headName = `<img src=x data-xss onerror="window.__xss=1">\u202E兰马`;
  const admin: WebUser = { username: 'zhou-admin', password, roles: ['admin'], ou: '640100', displayName: hostile('周').slice(0, 80) };
  const analyst: WebUser = {
    username: 'wu-analyst',
    password,
    roles: ['analyst'],
    ou: DISTRICT,
    displayName: `<img src=x data-xss onerror="window.__xss=1">吴`,
  };
  const xixiaSupervisor: WebUser = { username: 'he-supervisor', password, roles: ['supervisor'], ou: '640105' };
  let caseId: string;
  let householdId: string;

  /** A context that records what a payload would do if it ran: dialogs, CSP refusals, the flag. */
  const watchedContext = async (): Promise<BrowserContext> => {
    const context = await newContext(browser);
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event: { violatedDirective: string; sourceFile: string }) =>
        window.__violations.push(`${event.violatedDirective} ${event.sourceFile}`),
      );
    });
    context.on('page', (page) => page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message()))));
    return context;
  };
  const dialogs: string[] = [];
  const nothingRan = async (page: Page) => {
    await settled(page);
    expect({
      ran: await page.evaluate(() => window.__xss),
      injected: await page.evaluate(() => document.querySelectorAll('[data-xss]').length),
      refused: await page.evaluate(() => window.__violations),
      dialogs,
    }).toEqual({ ran: undefined, injected: 0, refused: [], dialogs: [] });
  };
  const shownAsTyped = async (page: Page, text: string) => {
    const body = await page.evaluate(() => document.body.innerText as string);
    expect(body).toContain(text);
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await Promise.all([admin, analyst, xixiaSupervisor].map((user) => createUser(service.app, user)));
    const post = (path: string, headers: Record<string, string>, body: object) =>
      request(service.app.http).post(path).set(headers).send(body);
    await post(
      `/supervision/${DISTRICT}/assignment`,
      { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' },
      {
        supervisorId: 'sup-wang',
        reason: 'order 12',
        occurredAt: day('01-01'),
      },
    ).expect(200);
    caseId = randomUUID();
    const wang = { 'X-Actor': 'sup-wang' };
    await post('/cases', wang, {
      caseId,
      subjectUnit: 'unit-7',
      districtCode: DISTRICT,
      grounds: ['perfunctory'],
      evidence: [{ reference: hostile('ref').slice(0, 200), description: hostile('证据') }],
      reason,
      occurredAt: day('03-11'),
    }).expect(201);
    await post(`/cases/${caseId}/order-rectification`, wang, {
      requirements: [requirement],
      deadline: day('04-10'),
      reason: hostile('整改'),
      occurredAt: day('03-12'),
    }).expect(200);
    const enrolled = await post(
      '/households',
      {},
      { villageCode: '640104001001', category: 'stable', members: 3, head: { name: headName } },
    ).expect(201);
    householdId = enrolled.body.householdId;
    await eventually(async () => expect((await request(service.app.http).get('/cases').expect(200)).body.cases).toHaveLength(1), 20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("shows a case's hostile reasons, requirements and evidence as text, and runs none of them", async () => {
    const page = await (await watchedContext()).newPage();
    await signInThroughPage(page, service.baseUrl, admin, `/app/cases/${caseId}`);
    await page.getByTestId('timeline').locator('tr.ant-table-row').nth(1).waitFor();
    await nothingRan(page);
    await shownAsTyped(page, reason);
    await shownAsTyped(page, hostile('整改'));
    // The state after the order, its requirement among the fields and in the JSON an auditor compares.
    await page.getByRole('button', { name: '查看第 1 版' }).click();
    await page.getByTestId('state-view').first().waitFor();
    await page.locator('details summary').first().click();
    await shownAsTyped(page, requirement);
    expect(await page.getByTestId('state-json').first().textContent()).toContain(JSON.stringify(requirement));
    await nothingRan(page);
    await page.context().close();
  });

  it("shows the users' hostile display names as text, and runs none of them", async () => {
    const page = await (await watchedContext()).newPage();
    await signInThroughPage(page, service.baseUrl, admin, '/app/users');
    await page.getByRole('cell', { name: analyst.username, exact: true }).waitFor();
    await nothingRan(page);
    await shownAsTyped(page, analyst.displayName!);
    await shownAsTyped(page, admin.displayName!);
    await page.context().close();
  });

  it("shows a household to an administrator without its head's name, which no answer it reads carries", async () => {
    const context = await watchedContext();
    const page = await context.newPage();
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'fetch')
        void response.text().then(
          (text) => answers.push(text),
          () => undefined,
        );
    });
    await signInThroughPage(page, service.baseUrl, admin, `/app/households/${householdId}`);
    await page.getByTestId('household-summary').waitFor();
    await nothingRan(page);
    expect(await page.content()).not.toContain('兰马');
    expect(answers.filter((text) => text.includes('兰马'))).toEqual([]);
    await context.close();
  });

  it('renders a hostile display name into the dashboard on the server and in the browser as text', async () => {
    const page = await (await watchedContext()).newPage();
    await signInThroughPage(page, service.baseUrl, analyst, '/app/dashboard');
    await page.getByTestId('tile-enrolled').waitFor();
    // Loaded again: now the page comes rendered by the server, with the session's answer in it.
    const served = await page.reload();
    await page.getByTestId('tile-enrolled').waitFor();
    expect(await served!.text()).toContain('"displayName":"\\u003cimg src=x data-xss');
    await nothingRan(page);
    await shownAsTyped(page, analyst.displayName!);
    await page.context().close();
  });

  it("shows a supervisor of another district and an analyst nothing of a case's reasons, in the page or any answer", async () => {
    for (const user of [xixiaSupervisor, analyst]) {
      const context = await watchedContext();
      const page = await context.newPage();
      const answers: string[] = [];
      page.on(
        'response',
        (response) =>
          void response.text().then(
            (text) => answers.push(text),
            () => undefined,
          ),
      );
      await signInThroughPage(page, service.baseUrl, user, `/app/cases/${caseId}`);
      await settled(page);
      // Reloaded signed in: the page then comes from the server naming its opening reads for this user.
      await page.reload();
      await settled(page);
      expect(await page.getByTestId('timeline').locator('tr.ant-table-row').count()).toBe(0);
      expect([user.username, (await page.content()).includes('原因'), answers.filter((text) => text.includes('原因')).length]).toEqual([
        user.username,
        false,
        0,
      ]);
      await context.close();
    }
  });

  it("leaves nothing of the user, the case or the figures in the browser's storage or the page once signed out", async () => {
    const visits = [
      { user: admin, path: `/app/cases/${caseId}`, shown: () => page.getByTestId('timeline').locator('tr.ant-table-row').nth(1) },
      // The dashboard comes rendered by the server with the session's answer in it, when reloaded signed in.
      { user: analyst, path: '/app/dashboard', shown: () => page.getByTestId('tile-enrolled'), reload: true },
    ];
    let page: Page;
    for (const { user, path, shown, reload } of visits) {
      const context = await watchedContext();
      page = await context.newPage();
      await signInThroughPage(page, service.baseUrl, user, path);
      await shown().waitFor();
      if (reload) await page.reload();
      await shown().waitFor();
      await settled(page);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.locator('#username').waitFor();
      const kept = await page.evaluate(() => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        page: document.documentElement.outerHTML as string,
      }));
      for (const trace of ['原因', '整改', user.username, caseId, 'csrfToken']) {
        expect([trace, kept.local.includes(trace), kept.session.includes(trace), kept.page.includes(trace)]).toEqual([
          trace,
          false,
          false,
          false,
        ]);
      }
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('fl_session');
      await context.close();
    }
  });

  it('signs in at an address that names another site to return to, and stays on the service', async () => {
    for (const path of ['/app/sign-in?next=https://evil.example/', '/app/?redirect=//evil.example/&returnTo=javascript:alert(1)']) {
      const context = await watchedContext();
      const page = await context.newPage();
      await signInThroughPage(page, service.baseUrl, admin, path);
      await page.getByRole('button', { name: '退出登录' }).waitFor();
      await settled(page);
      expect(new URL(page.url()).origin).toBe(service.baseUrl);
      await nothingRan(page);
      await context.close();
    }
  });

  it("refuses to show the app in another site's frame", async () => {
    const context = await watchedContext();
    const page = await context.newPage();
    await page.route('http://evil.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe id="app" src="${service.baseUrl}/app/" width="800" height="600"></iframe>`,
      }),
    );
    const loaded = page.waitForEvent('framenavigated', (frame) => frame !== page.mainFrame());
    await page.goto('http://evil.example/');
    const frame = await loaded;
    // Chromium shows its own error page in the frame in place of the app: no form, nothing to click.
    expect(frame.url()).toMatch(/^chrome-error:/);
    expect(await frame.locator('#username').count()).toBe(0);
    await context.close();
  });
});
