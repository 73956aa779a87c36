/**
 * The administrator's story: the accounts GET /admin/users lists, shown on the page; a new account made from
 * the form (roles and an org-unit scope) that then signs in to its own journey; a refused username named next
 * to its field with no account made; a password set from the page (the old one refused, the new one let in);
 * an account disabled from the page, which can no longer sign in. A user who is not an administrator sees
 * none of it, whatever the address bar says.
 */
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { choose, settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

interface Account {
  username: string;
  displayName: string;
  roles: string[];
  ou: string;
  disabled: boolean;
}

describeInBrowser("the administrator's accounts", (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  const admin = { username: 'zhou-admin', password: 'a long enough password', roles: ['admin'], ou: '640100', displayName: '周管理' };
  const provider = {
    username: 'li-provider',
    password: 'a long enough password',
    roles: ['provider'],
    ou: '640104',
    department: 'health',
    displayName: '李医生',
  };
  const accounts = async () => (await request(service.app.http).get('/admin/users').expect(200)).body.items as Account[];
  const form = (testId: string) => page.getByTestId(testId);

  /** Signs in through the page in a fresh browser context; the page it lands on, or the refusal. */
  const signInElsewhere = async (username: string, password: string) => {
    const other = await (await newContext(browser)).newPage();
    await signInThroughPage(other, service.baseUrl, { username, password });
    return other;
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await createUser(service.app, admin);
    await createUser(service.app, provider);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, admin, '/app/users');
    await page.getByTestId('users').waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('lists the accounts GET /admin/users lists, roles in words', async () => {
    const listed = await accounts();
    const rows = await page
      .getByTestId('users')
      .locator('tr.ant-table-row')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(rows).toEqual(listed.map((a) => [a.username, a.displayName, a.roles.includes('admin') ? '管理员' : expect.any(String)]));
    // A provider's department by its name, as the form offers it, not its code.
    const providerRow = page.getByTestId('users').locator('tr.ant-table-row').filter({ hasText: provider.username });
    await providerRow
      .locator('td')
      .nth(4)
      .filter({ hasText: /^卫生局$/ })
      .waitFor();
    // Not the administrator's own account: disabling it would lock them out.
    expect(await page.getByRole('button', { name: '停用 zhou-admin' }).count()).toBe(0);
  });

  it('names a refused username next to its field and makes no account', async () => {
    const before = await accounts();
    await page.locator('#user-username').fill('No Spaces Allowed');
    await page.locator('#user-password').fill('a long enough password');
    await choose(page, '角色', '分析员', { multiple: true });
    await page.keyboard.press('Escape');
    await form('new-user').getByRole('button', { name: '提交' }).click();
    await form('new-user').locator('#user-username_help, .ant-form-item-explain-error').first().waitFor();
    // In the page's words for the rule the API names (`matches`), after the field's label: never its English.
    expect(await form('new-user').locator('.ant-form-item-explain-error').allTextContents()).toEqual(['用户名格式不正确']);
    expect(await accounts()).toEqual(before);
  });

  it('makes an account from the form, which then signs in to its own journey', async () => {
    await page.locator('#user-username').fill('zhao-analyst');
    await page.locator('#user-display-name').fill('赵分析');
    await form('new-user').getByRole('button', { name: '提交' }).click();
    await form('new-user').getByRole('status').filter({ hasText: '已创建用户 zhao-analyst' }).waitFor();
    expect((await accounts()).find((a) => a.username === 'zhao-analyst')).toMatchObject({
      displayName: '赵分析',
      roles: ['analyst'],
      ou: '640100',
      disabled: false,
    });
    await page.getByTestId('users').getByRole('cell', { name: 'zhao-analyst', exact: true }).waitFor();
    const analyst = await signInElsewhere('zhao-analyst', 'a long enough password');
    await analyst.getByTestId('tile-enrolled').waitFor();
    await analyst.context().close();
  });

  it('sets a password: the old one is refused, the new one lets the user in', async () => {
    await choose(page, '用户名', 'zhao-analyst', { within: form('set-password') });
    await page.locator('#password-new').fill('another long password');
    await form('set-password').getByRole('button', { name: '提交' }).click();
    await form('set-password').getByRole('status').filter({ hasText: '已为 zhao-analyst 重设密码' }).waitFor();
    const refused = await signInElsewhere('zhao-analyst', 'a long enough password');
    await refused.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await refused.context().close();
    const admitted = await signInElsewhere('zhao-analyst', 'another long password');
    await admitted.getByTestId('tile-enrolled').waitFor();
    await admitted.context().close();
  });

  it('disables an account from the page: it is marked, and can no longer sign in', async () => {
    await page.getByRole('button', { name: '停用 zhao-analyst' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|确\s?定/ })
      .click();
    await page
      .getByTestId('users')
      .getByRole('row', { name: /zhao-analyst/ })
      .getByText('已停用')
      .waitFor();
    expect((await accounts()).find((a) => a.username === 'zhao-analyst')?.disabled).toBe(true);
    const refused = await signInElsewhere('zhao-analyst', 'another long password');
    await refused.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await refused.context().close();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'users');
  });

  it('shows a user who is not an administrator no accounts, whatever the address bar says', async () => {
    await createUser(service.app, { username: 'li-analyst', password: 'a long enough password', roles: ['analyst'], ou: '640104' });
    const analyst = await signInElsewhere('li-analyst', 'a long enough password');
    await analyst.getByTestId('tile-enrolled').waitFor();
    expect(await analyst.getByRole('link', { name: '用户管理' }).count()).toBe(0);
    await analyst.goto(`${service.baseUrl}/app/users`);
    await analyst.getByRole('alert').waitFor();
    expect(await analyst.getByTestId('users').count()).toBe(0);
    expect(await analyst.getByText('zhou-admin').count()).toBe(0);
    await analyst.context().close();
  });
});
