/**
 * A registrar opens a household's page and sees the support it received, as the API answers it: the
 * programme by its Chinese name, the money granted and delivered in yuan, the wheelchairs in units, and a
 * reversed grant marked so.
 */
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { eventually } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

interface Item {
  supportId: string;
  programmeName: { 'zh-CN': string };
  status: string;
  grantedFen: number;
  deliveredFen: number;
  deliveredUnits: number;
}

describeInBrowser('a household page shows the support received', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let householdId: string;
  const registrar = {
    username: 'ma-support',
    password: 'a long enough password',
    roles: ['registrar'],
    ou: '640104',
    displayName: '马干事',
  };
  const post = (path: string, body: object) => request(service.app.http).post(path).send(body).expect(201);

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await createUser(service.app, registrar);
    const household = { villageCode: '640104001001', category: 'elderly', members: 2, head: { name: 'Ma Shufen' } };
    householdId = (await post('/households', household)).body.householdId;
    const award = (await post('/support', { householdId, programmeCode: 'award-support', amountFen: 96_000, units: 0 })).body;
    await post(`/support/${award.supportId}/deliveries`, { amountFen: 48_000, units: 0 });
    const chairs = (await post('/support', { householdId, programmeCode: 'donated-wheelchairs', amountFen: 0, units: 1 })).body;
    await post(`/support/${chairs.supportId}/deliveries`, { amountFen: 0, units: 1 });
    const wrong = (await post('/support', { householdId, programmeCode: 'special-support', amountFen: 120_000, units: 0 })).body;
    await post(`/support/${wrong.supportId}/reversal`, { reason: 'entered for the wrong household' });
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, registrar, `/app/households/${householdId}`);
    await page.getByTestId('household-summary').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('shows each grant with the figures the API gives for the household', async () => {
    const answer = await eventually(async () => {
      const { body } = await request(service.app.http).get(`/households/${householdId}/support`).expect(200);
      expect(body.support).toHaveLength(3);
      expect(body.support.find((i: Item) => i.status === 'reversed')).toBeDefined();
      return body as { support: Item[] };
    });
    await page.reload();
    const card = page.getByTestId('household-support');
    await card.locator('tbody tr.ant-table-row').nth(2).waitFor();
    await settled(page);
    const rows = await card.locator('tbody tr.ant-table-row').allTextContents();
    const yuan = (fen: number) =>
      new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(fen / 100);
    for (const item of answer.support) {
      const row = rows.find((text) => text.includes(item.programmeName['zh-CN']));
      expect(row).toBeDefined();
      if (item.programmeName['zh-CN'] === '轮椅') expect(row).toContain(`${item.deliveredUnits} 件`);
      else expect(row).toContain(yuan(item.grantedFen));
      if (item.status === 'reversed') expect(row).toContain('已撤销');
    }
    const award = answer.support.find((i) => i.deliveredFen === 48_000)!;
    expect(rows.find((text) => text.includes(award.programmeName['zh-CN']))).toContain(yuan(48_000));
  });
});
