/**
 * The operator's story: the service's health as GET /health answers it, and every projection with the
 * lag and parked events GET /admin/projections reports.
 */
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

describeInBrowser("the operator's view", (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  const operator = { username: 'qian-admin', password: 'a long enough password', roles: ['admin'], ou: '640100', displayName: '钱运维' };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await createUser(service.app, operator);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, operator, '/app/operations');
    await page.getByTestId('health').waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("shows health and each projection's lag as the API reports them", async () => {
    const health = await request(service.app.http).get('/health');
    expect(await page.getByTestId('health').textContent()).toBe(health.status === 200 ? '正常' : '异常');
    const { body } = await request(service.app.http).get('/admin/projections').expect(200);
    const shown = await page
      .locator('.ant-table-tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td')!.textContent));
    expect(shown).toEqual(body.projections.map((p: { name: string }) => p.name));
    for (const projection of body.projections as { name: string; lag: { events: number }; parked: unknown[] }[]) {
      expect(await page.getByTestId(`lag-${projection.name}`).textContent()).toBe(String(projection.lag.events));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'operations');
  });
});
