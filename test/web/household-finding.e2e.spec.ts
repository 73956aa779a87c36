/**
 * Finding a household without its id, as each of the field roles may: a registrar lists a village's households
 * a page at a time, past the first hundred; a provider, whom the API gives no list by village, is offered none
 * and opens the household by its id.
 */
import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { toAppend } from '@projections/shared/testing/harness';
import { projectionsCaughtUp } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

type Named = { code: string; name: { 'zh-CN': string } };

describeInBrowser('field staff finding a household', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let householdId: string;
  const password = 'a long enough password';
  const registrar = { username: 'ma-registrar', password, roles: ['registrar'], ou: '640104', displayName: '马干事' };
  const provider = { username: 'zhang-provider', password, roles: ['provider'], ou: '640104', department: 'health', displayName: '张医生' };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    await Promise.all([createUser(service.app, registrar), createUser(service.app, provider)]);
    const enrolled = await request(service.app.http)
      .post('/households')
      .send({ villageCode: '640104001001', category: 'stable', members: 3, head: { name: '马兰' } })
      .expect(201);
    householdId = enrolled.body.householdId;
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, registrar, '/app/households');
    await page.getByTestId('form-enrol').waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("lists a village's households past the first hundred, the next page when asked for", async () => {
    const village = '640104001002';
    for (let i = 0; i < 101; i++) {
      const id = randomUUID();
      await service.app.runtime.eventStore.appendToStream(`household-${id}`, [
        toAppend(
          'HouseholdEnrolled',
          {
            householdId: id,
            villageCode: village,
            category: 'elderly',
            members: 2,
            head: { name: `户主${i}` },
            enrolmentYear: 2012,
            batch: 1,
          },
          '2012-03-01T02:00:00.000Z',
        ),
      ]);
    }
    await projectionsCaughtUp(service.app);
    const units = (await request(service.app.http).get('/org-units').expect(200)).body.items as Named[];
    const title = `${units.find((unit) => unit.code === village)!.name['zh-CN']}（${village}）`;
    const picker = page.getByRole('combobox', { name: '按村（居）查找' });
    await picker.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]').click();
    await picker.fill(village);
    await page.locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).click();
    const rows = page.getByTestId('village-households').locator('tr.ant-table-row');
    const more = page.getByRole('button', { name: '继续列出' });
    await more.waitFor();
    await page.getByText('已列出 100 户，还有更多').waitFor();
    expect(await rows.count()).toBe(100);
    await more.click();
    await more.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(101);
  });

  it('offers a provider no list by village, which the API does not give a provider, but the household by its id', async () => {
    const token = `Bearer ${await service.app.token('provider', { ou: registrar.ou, department: 'health' })}`;
    await request(service.app.http).get('/households?ou=640104001001').set('Authorization', token).expect(403);
    const other = await (await newContext(browser)).newPage();
    await signInThroughPage(other, service.baseUrl, provider, `/app/households/${householdId}`);
    await other.getByTestId('household-summary').waitFor();
    await other.getByTestId('form-service').waitFor();
    expect(await other.getByRole('combobox', { name: '按村（居）查找' }).count()).toBe(0);
    await other.context().close();
  });

  it('offers no form a withdrawn household would refuse, and says why', async () => {
    const enrolled = await request(service.app.http)
      .post('/households')
      .send({ villageCode: '640104001001', category: 'elderly', members: 2, head: { name: '何芳' } })
      .expect(201);
    const withdrawn = enrolled.body.householdId as string;
    await request(service.app.http).post(`/households/${withdrawn}/withdrawal`).send({ reason: 'moved to another city' }).expect(200);
    await page.goto(`${service.baseUrl}/app/households/${withdrawn}`);
    await page.getByTestId('household-summary').waitFor();
    await page.getByRole('status').filter({ hasText: '该家庭已退出，不再登记需求、服务、满意度或发放贷款' }).waitFor();
    expect(await page.getByTestId('form-need').count()).toBe(0);
    expect(await page.getByTestId('form-satisfaction').count()).toBe(0);
    // An enrolled household's page still has them.
    await page.goto(`${service.baseUrl}/app/households/${householdId}`);
    await page.getByTestId('form-need').waitFor();
  });
});
