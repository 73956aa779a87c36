/**
 * Field staff's story: enrol a household from the form, record a need, deliver a service, record the
 * household's satisfaction, grant a loan and record a repayment: each submission appends exactly the one
 * event the API appends for that command. Also: a problem shown next to the field it names, in Chinese
 * words for the rule the API names (nothing appended), a double click appending once, a stale form saying so, and a user of another district
 * refused the household whatever they type in the address bar.
 */
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { eventually, logLength } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { choose, settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

type Named = { code: string; name: { 'zh-CN': string } };

describeInBrowser('field staff at a household', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let householdId: string;
  let names: Record<string, Named[]>;
  const staff = {
    username: 'ma-field',
    password: 'a long enough password',
    roles: ['registrar', 'provider', 'loan-officer'],
    ou: '640104',
    department: 'health',
    displayName: '马干事',
  };
  const xixia = {
    username: 'he-xixia',
    password: 'a long enough password',
    roles: ['registrar', 'provider'],
    ou: '640105',
    department: 'health',
    displayName: '何干事',
  };
  const zh = (list: string, code: string) => names[list].find((item) => item.code === code)!.name['zh-CN'];
  const stream = async () => service.app.runtime.eventStore.readStream(`household-${householdId}`);
  const form = (name: string) => page.getByTestId(`form-${name}`);
  const submitted = async (name: string) => {
    // A submission answers in well under a second alone; a loaded 2-core CI machine has taken over ten.
    await form(name).getByRole('status').waitFor({ timeout: 30_000 });
    await settled(page);
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await Promise.all([createUser(service.app, staff), createUser(service.app, xixia)]);
    names = (await request(service.app.http).get('/reference-data').expect(200)).body;
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, staff, '/app/households');
    await form('enrol').waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("puts the API's validation problem next to the field it names, in Chinese, and appends nothing", async () => {
    const before = await logLength(service.app);
    await page.locator('#enrol-village').fill('6401');
    await choose(page, '家庭类别', zh('categories', 'stable'));
    await page.locator('#enrol-members').fill('3');
    await page.locator('#enrol-head').fill('马兰');
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/households');
    await form('enrol').getByRole('button', { name: '提交' }).click();
    // The API refuses the field by its rule (`matches`), its English message kept for API users only.
    const { errors } = (await (await answered).json()) as { errors: { field: string; rule: string; message: string }[] };
    expect(errors).toEqual([{ field: 'villageCode', rule: 'matches', message: expect.stringMatching(/12-digit/) }]);
    const problem = form('enrol')
      .locator('.ant-form-item')
      .filter({ has: page.locator('#enrol-village') })
      .locator('.ant-form-item-explain-error');
    await problem.waitFor();
    expect(await problem.allTextContents()).toEqual(['村（居）代码格式不正确']);
    expect(await form('enrol').textContent()).not.toMatch(/villageCode|12-digit|must/);
    await form('enrol').getByRole('alert').filter({ hasText: '填写的内容不符合要求，请检查标出的各项' }).waitFor();
    expect(await logLength(service.app)).toBe(before);
  });

  it('enrols a household: one HouseholdEnrolled, as the API appends it', async () => {
    await page.locator('#enrol-village').fill('640104001001');
    await form('enrol').getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/app\/households\/[0-9a-f-]{36}$/);
    householdId = page.url().split('/').pop()!;
    const events = await stream();
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['HouseholdEnrolled', expect.objectContaining({ householdId, villageCode: '640104001001', category: 'stable', members: 3 })],
    ]);
    await page.getByTestId('household-revision').filter({ hasText: '0' }).waitFor();
  });

  it('records a need once for a double click', async () => {
    await settled(page);
    await choose(page, '重点领域', zh('focusAreas', 'health'), { within: form('need') });
    await choose(page, '需求类型', zh('needKinds', 'health-service'));
    await page.locator('#need-description').fill('哮喘复查');
    const keys: string[] = [];
    page.on(
      'request',
      (sent) => void (sent.method() === 'POST' && sent.url().endsWith('/needs') && keys.push(sent.headers()['idempotency-key'])),
    );
    await form('need').getByRole('button', { name: '提交' }).dblclick();
    await submitted('need');
    // However many of the clicks reached the server, they carried one key.
    expect(new Set(keys).size).toBe(1);
    const events = await stream();
    expect(events.map((e) => e.type)).toEqual(['HouseholdEnrolled', 'NeedRecorded']);
    expect(events[1].data).toMatchObject({ householdId, focusArea: 'health', kind: 'health-service', description: '哮喘复查' });
  });

  it('says a form is stale when the household changed since it was read, overwrites nothing, and keeps the input to send again', async () => {
    const stale = await (await newContext(browser)).newPage();
    await signInThroughPage(stale, service.baseUrl, staff, `/app/households/${householdId}`);
    await stale.getByTestId('form-need').waitFor();
    await settled(stale);
    await request(service.app.http)
      .post(`/households/${householdId}/needs`)
      .send({ focusArea: 'prosperity', kind: 'skills', description: 'driving' })
      .expect(201);
    const before = await logLength(service.app);
    await choose(stale, '重点领域', zh('focusAreas', 'civility'), { within: stale.getByTestId('form-need') });
    await choose(stale, '需求类型', zh('needKinds', 'knowledge'));
    await stale.locator('#need-description').fill('家风讲座');
    await stale.getByTestId('form-need').getByRole('button', { name: '提交' }).click();
    await stale.getByTestId('form-need').getByRole('alert').filter({ hasText: '表单已过期' }).waitFor();
    expect(await logLength(service.app)).toBe(before);
    // The page has loaded the household as it is now, and kept what was typed: submitted again, it is recorded.
    const revision = String((await stream()).length - 1);
    await stale
      .getByTestId('household-revision')
      .filter({ hasText: new RegExp(`^${revision}$`) })
      .waitFor();
    expect(await stale.locator('#need-description').inputValue()).toBe('家风讲座');
    await stale.getByTestId('form-need').getByRole('button', { name: '提交' }).click();
    await stale.getByTestId('form-need').getByRole('status').waitFor({ timeout: 30_000 });
    expect((await stream()).at(-1)).toMatchObject({
      type: 'NeedRecorded',
      data: { householdId, focusArea: 'civility', kind: 'knowledge', description: '家风讲座' },
    });
    await stale.context().close();
    await page.reload();
    await form('service').waitFor();
    await settled(page);
  });

  it("delivers a service and records the household's satisfaction with it", async () => {
    await choose(page, '部门', zh('departments', 'health'));
    await choose(page, '服务类型', zh('serviceTypes', 'health-check'));
    await choose(page, '重点领域', zh('focusAreas', 'health'), { within: form('service') });
    await form('service').getByRole('button', { name: '提交' }).click();
    await submitted('service');
    const delivered = (await stream()).at(-1)!;
    expect(delivered).toMatchObject({
      type: 'ServiceDelivered',
      data: { householdId, departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health' },
    });
    const serviceId = String(delivered.data.serviceId);
    await choose(page, '服务编号', serviceId.slice(0, 8));
    await choose(page, '评价', '满意');
    await form('satisfaction').getByRole('button', { name: '提交' }).click();
    await submitted('satisfaction');
    expect((await stream()).at(-1)).toMatchObject({
      type: 'SatisfactionRecorded',
      data: { householdId, serviceId, response: 'satisfied' },
    });
    await page.getByTestId('services').getByRole('cell', { name: '满意', exact: true }).waitFor();
    // Rated again: refused in the page's words (the API's code, not its English detail), and nothing appended.
    const before = (await stream()).length;
    await choose(page, '服务编号', serviceId.slice(0, 8));
    await choose(page, '评价', '不满意');
    await form('satisfaction').getByRole('button', { name: '提交' }).click();
    await form('satisfaction').getByRole('alert').filter({ hasText: '该服务的满意度已经评价过' }).waitFor();
    expect((await stream()).length).toBe(before);
  });

  it('grants a loan in yuan (stored in fen) and records a repayment', async () => {
    const programme = names.loanPrograms[0];
    await choose(page, '贷款项目', programme.name['zh-CN']);
    await choose(page, '借款群体', zh('borrowerGroups', 'woman'));
    await page.locator('#loan-principal').fill('30000.29');
    await page.locator('#loan-term').fill('24');
    await form('loan').getByRole('button', { name: '提交' }).click();
    await submitted('loan');
    const loanId = await page.locator('#repayment-loan').inputValue();
    const granted = await service.app.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(granted.map((e) => [e.type, e.data.principalFen, e.data.programmeCode, e.data.lender])).toEqual([
      ['LoanGranted', 3_000_029, programme.code, '宁夏银行'],
    ]);
    await page.locator('#repayment-amount').fill('1000');
    await form('repayment').getByRole('button', { name: '提交' }).click();
    await submitted('repayment');
    const repaid = await service.app.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(repaid.map((e) => [e.type, e.data.amountFen ?? null])).toEqual([
      ['LoanGranted', null],
      ['LoanRepaymentRecorded', 100_000],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'household');
  });

  it("lists the household's loans as GET /loans?householdId= lists them to a loan officer of its district", async () => {
    const officer = `Bearer ${await service.app.token('loan-officer', { ou: staff.ou })}`;
    type Listed = {
      loanId: string;
      programmeCode: string;
      borrowerGroup: string;
      principalFen: number;
      outstandingFen: number;
      status: string;
    };
    // The register is a read model: wait until it reflects the repayment before taking its answer.
    const loans = await eventually(async () => {
      const answer = await request(service.app.http).get(`/loans?householdId=${householdId}`).set('Authorization', officer).expect(200);
      expect(answer.body.loans.map((l: Listed) => l.outstandingFen)).toEqual([2_900_029]);
      return answer.body.loans as Listed[];
    });
    const yuan = (fen: number) =>
      page.evaluate(
        (f) => new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(f / 100),
        fen,
      );
    const table = page.getByTestId('loans');
    await table.getByRole('cell', { name: await yuan(2_900_029), exact: true }).waitFor();
    const shown = await table
      .locator('tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('[data-loan-id]')!.getAttribute('data-loan-id'),
          ...[...row.querySelectorAll('td')].slice(1, 6).map((cell) => cell.textContent),
        ]),
      );
    const status: Record<string, string> = { active: '还款中', repaid: '已还清', defaulted: '已违约' };
    const expected = [];
    for (const loan of loans)
      expected.push([
        loan.loanId,
        zh('loanPrograms', loan.programmeCode),
        zh('borrowerGroups', loan.borrowerGroup),
        await yuan(loan.principalFen),
        await yuan(loan.outstandingFen),
        status[loan.status],
      ]);
    expect(shown).toEqual(expected);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds the household by its village on the tree, its households listed as GET /households?ou= lists them', async () => {
    const village = '640104001001';
    const token = `Bearer ${await service.app.token('registrar', { ou: staff.ou })}`;
    const listed = await eventually(async () => {
      const answer = await request(service.app.http).get(`/households?ou=${village}&limit=100`).set('Authorization', token).expect(200);
      expect(answer.body.households.map((h: { householdId: string }) => h.householdId)).toContain(householdId);
      return answer.body.households as { householdId: string; category: string; status: string }[];
    });
    const units = (await request(service.app.http).get('/org-units').expect(200)).body.items as Named[];
    const name = units.find((unit) => unit.code === village)!.name['zh-CN'];
    const title = `${name}（${village}）`;
    // Only the staff's own district is offered: another district's villages would only be refused.
    const picker = page.getByRole('combobox', { name: '按村（居）查找' });
    await picker.fill('6401');
    await page.locator('.ant-select-tree-node-content-wrapper[title="兴庆区（640104）"]').waitFor();
    expect(await page.locator('.ant-select-tree-node-content-wrapper[title="西夏区（640105）"]').count()).toBe(0);
    expect(await page.locator('.ant-select-tree-node-content-wrapper[title="银川市（640100）"]').count()).toBe(0);
    await picker.fill(name);
    await page.locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).click();
    const table = page.getByTestId('village-households');
    await table.getByRole('link', { name: householdId }).waitFor();
    const shown = await table
      .locator('tr.ant-table-row')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    const words: Record<string, string> = { active: '在册', withdrawn: '已退出' };
    expect(shown.map((cells) => [cells[0], cells[2], cells[4]])).toEqual(
      listed.map((h) => [h.householdId, zh('categories', h.category), words[h.status]]),
    );
    await table.getByRole('link', { name: householdId }).click();
    await page.waitForURL(`**/app/households/${householdId}`);
    // The village list's dropdown fades out after the choice: checked once gone, not half-transparent (axe
    // measured its fading text's contrast in one CI run).
    for (const dropdown of await page.locator('.ant-select-dropdown').all()) await dropdown.waitFor({ state: 'hidden' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a user of another district the household, whatever the address bar says', async () => {
    const other = await (await newContext(browser)).newPage();
    await signInThroughPage(other, service.baseUrl, xixia, `/app/households/${householdId}`);
    const refused = other.getByRole('alert');
    await refused.waitFor();
    expect(await refused.getAttribute('data-status')).toMatch(/^(403|404)$/);
    expect(await other.getByTestId('household-summary').count()).toBe(0);
    expect(await other.getByText('640104001001').count()).toBe(0);
    await screenshot(other, 'household-refused');
    await other.context().close();
  });
});
