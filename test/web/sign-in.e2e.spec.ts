/**
 * Signing in through the page: a wrong password is refused in words, the right one opens the journeys the
 * roles allow, the language switch changes every label, sign-out ends the session; and a write without
 * the CSRF token (from the page, and from another site) is refused with nothing appended; a tab whose session
 * was replaced by a sign-in in another tab still signs out.
 */
import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import request from 'supertest';
import { logLength } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { choose, settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

// Only inside page.evaluate (the browser's globals); the test program itself has no DOM lib.
declare const document: any;

describeInBrowser('signing in through the page', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  const registrar = {
    username: 'li-registrar',
    password: 'a long enough password',
    roles: ['registrar'],
    ou: '640104',
    displayName: '李登记',
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await createUser(service.app, registrar);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('refuses a wrong password in words and stays on the sign-in form', async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, { username: registrar.username, password: 'not the password' });
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    expect(await page.locator('#password').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-refused');
    await page.context().close();
  });

  it('signs in, shows the journeys of the role in Chinese, switches to English, and signs out', async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, registrar);
    await page.getByRole('link', { name: '家庭服务' }).waitFor();
    expect(await page.getByRole('link', { name: '分析看板' }).count()).toBe(0);
    await settled(page);
    await choose(page, '语言', 'English');
    await page.getByRole('link', { name: 'Households' }).waitFor();
    // The page says which language it is in (screen readers, the browser's translation offer), on a fresh load too.
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('link', { name: 'Households' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#username').waitFor();
    const after = await page.evaluate(() => fetch('/auth/session').then((r) => r.status));
    expect(after).toBe(401);
    await page.context().close();
  });

  it('asks to sign in again, at the same address, once the session has ended in another tab', async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, registrar, '/app/households');
    await page.getByTestId('form-enrol').waitFor();
    await settled(page);
    // Signed out in another tab of the same browser: the session this tab was using has ended.
    const other = await page.context().newPage();
    await other.goto(`${service.baseUrl}/app/households`);
    await other.getByRole('button', { name: '退出登录' }).click();
    await other.locator('#username').waitFor();
    await other.close();
    const householdId = randomUUID();
    await page.getByPlaceholder('按家庭编号查找').fill(householdId);
    await page.getByPlaceholder('按家庭编号查找').press('Enter');
    await page.locator('#username').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/households/${householdId}`);
    await page.locator('#username').fill(registrar.username);
    await page.locator('#password').fill(registrar.password);
    await page.locator('#password').press('Enter');
    // Back on the page asked for, which now asks the API as the user signed in again: no such household.
    await page.getByRole('alert').filter({ hasText: '未找到' }).waitFor();
    await page.context().close();
  });

  it('signs out of a tab whose session was replaced by a sign-in in another tab, and the session ends', async () => {
    const context = await newContext(browser);
    const first = await context.newPage();
    await signInThroughPage(first, service.baseUrl, registrar);
    await first.getByRole('link', { name: '家庭服务' }).waitFor();
    await settled(first);

    // The other tab shares the cookie, so it opens signed in: it signs out and in again through the form, and the
    // first tab's CSRF token now belongs to a session that has ended.
    const second = await context.newPage();
    await second.goto(`${service.baseUrl}/app/`);
    await second.getByRole('button', { name: '退出登录' }).click();
    await signInThroughPage(second, service.baseUrl, registrar);
    await second.getByRole('link', { name: '家庭服务' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'fl_session');
    expect(cookie).toBeDefined();

    await first.getByRole('button', { name: '退出登录' }).click();
    // Whichever comes first: the sign-in form, or the alert that the sign-out failed and the session lives on.
    await first.locator('#username').or(first.getByRole('alert')).first().waitFor();
    expect(await first.getByRole('alert').allTextContents()).toEqual([]);
    expect(await first.locator('#username').isVisible()).toBe(true);
    // The server ended the session itself, not only the browser's cookie.
    const after = await request(service.app.http)
      .get('/auth/session')
      .set('X-Test-Anonymous', '1')
      .set('Cookie', `fl_session=${cookie!.value}`);
    expect(after.status).toBe(401);
    expect(await first.evaluate(() => fetch('/auth/session').then((r) => r.status))).toBe(401);
    await context.close();
  });

  it('can be used by keyboard alone: sign in, skip to the content, reach the journeys', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${service.baseUrl}/app/`);
    await page.locator('#username').waitFor();
    await page.keyboard.type(registrar.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(registrar.password);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: '家庭服务' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('refuses a cookie write without the CSRF token, from the page and from another site, and appends nothing', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughPage(page, service.baseUrl, registrar);
    await page.getByRole('link', { name: '家庭服务' }).waitFor();
    const before = await logLength(service.app);
    const body = JSON.stringify({ villageCode: '640104001001', category: 'stable', members: 3, head: { name: '马兰' } });
    const fromPage = await page.evaluate(async (json) => {
      const response = await fetch('/households', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
      return { status: response.status, body: await response.json() };
    }, body);
    expect(fromPage).toMatchObject({ status: 403, body: { code: 'csrf-token-invalid' } });

    // Another site submits a form at the service, the classic cross-site write (the page is served by the
    // browser's request interception, no network): SameSite=Strict keeps the cookie off it, and it has no token.
    const evil = await context.newPage();
    const json = body.slice(0, -2);
    await evil.route('http://evil.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" enctype="text/plain" action="${service.baseUrl}/households"><input type="hidden" name='${json}' value='"}'></form>`,
      }),
    );
    await evil.goto('http://evil.example/');
    const answered = evil.waitForResponse(
      (response) => response.url() === `${service.baseUrl}/households` && response.request().method() === 'POST',
    );
    await evil.evaluate(() => document.forms[0].submit());
    expect([401, 403]).toContain((await answered).status());
    expect(await logLength(service.app)).toBe(before);
    await context.close();
  });
});
