/**
 * The supervisor's story: their district's calendar (a visit each month, a bulletin each bimonth) marked as
 * GET /supervision/{district}/compliance judges each period, and the district's open cases as the API lists them.
 */
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { eventually } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { assignSupervisor, DISTRICT, seedCase } from './support/seed-case';
import { createUser, startWebService, WebService } from './support/web-service';

describeInBrowser("the supervisor's district", (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const supervisor = {
    username: 'wang-supervisor',
    password: 'a long enough password',
    roles: ['supervisor'],
    ou: DISTRICT,
    displayName: '王督查',
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await createUser(service.app, supervisor);
    await assignSupervisor(service.app);
    caseId = await seedCase(service.app);
    await eventually(async () => {
      expect((await request(service.app.http).get('/cases').expect(200)).body.cases).toHaveLength(1);
      expect(
        (await request(service.app.http).get(`/supervision/${DISTRICT}/compliance?from=201201`).expect(200)).body.months.find(
          (m: { period: string }) => m.period === '201203',
        ).status,
      ).toBe('late');
    }, 20_000);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, supervisor, '/app/compliance');
    await page.locator('[data-period="201201"]').first().waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("marks each month's visit and each bimonth's bulletin as the API judges them", async () => {
    const token = await service.app.token('supervisor', { ou: DISTRICT, sub: 'sup-wang' });
    const { body } = await request(service.app.http)
      .get(`/supervision/${DISTRICT}/compliance?from=201201&to=201512`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const shown = async (title: string) =>
      page
        .getByRole('region', { name: title })
        .locator('[data-period]')
        .evaluateAll((tags) => tags.map((tag) => [tag.getAttribute('data-period'), tag.getAttribute('data-status')]));
    expect(await shown('督导（每月）')).toEqual(body.months.map((m: { period: string; status: string }) => [m.period, m.status]));
    expect(await shown('通报（每两月）')).toEqual(body.bimonths.map((m: { period: string; status: string }) => [m.period, m.status]));
    expect(await page.locator('[data-period="201203"]').first().textContent()).toBe('2012年3月：逾期');
    expect(await page.locator('[data-period="201202B"]').first().textContent()).toMatch(/^2012年3—4月：/);
    // The position and the time it reflects, as the API answers them (the time in Beijing's calendar).
    const note = page.locator('.reflects').first();
    expect(await note.getAttribute('data-position')).toBe(body.position);
    expect(body.recordedAt).toEqual(expect.any(String));
    expect(await note.textContent()).toMatch(/^数据截至日志位置 \d+（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}）$/);
  });

  it("lists the district's open cases", async () => {
    await page.getByRole('link', { name: caseId.slice(0, 8) }).waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'compliance');
  });

  it("names a case's subject unit as the org-unit tree names it, its code beside", async () => {
    await request(service.app.http)
      .post('/cases')
      .set({ 'X-Actor': 'sup-wang' })
      .send({
        subjectUnit: '640104001',
        districtCode: DISTRICT,
        grounds: ['delayed'],
        evidence: [{ reference: 'visit-201204', description: 'no visit made' }],
        reason: '四月走访发现工作拖拉',
        occurredAt: '2012-04-11T02:00:00.000Z',
      })
      .expect(201);
    await eventually(async () => expect((await request(service.app.http).get('/cases').expect(200)).body.cases).toHaveLength(2), 20_000);
    await page.reload();
    await page.getByRole('cell', { name: '凤凰北街街道（640104001）', exact: true }).waitFor();
    // A unit neither the tree nor the reference data knows is shown by its code.
    await page.getByRole('cell', { name: 'unit-7', exact: true }).waitFor();
  });

  it('offers only their own district to filter the cases by, the one the API answers them for', async () => {
    await page.getByRole('link', { name: '问责案件' }).click();
    const select = page.getByRole('combobox', { name: '县（市）区' });
    await select.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.filter({ hasText: '兴庆区' }).waitFor();
    expect(await options.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('title')))).toEqual(['全部', '兴庆区']);
    await page.keyboard.press('Escape');
  });
});
