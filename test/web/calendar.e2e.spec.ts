/**
 * One calendar: the page shows dates in the zone the service is set to (PROGRAMME_TIME_ZONE, answered by
 * GET /calendar), not in one of its own. A service set to Los Angeles time shows a case opened at 02:00 UTC
 * on 11 March 2012 on the 10th, in the evening, where Beijing time would say the 11th.
 */
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { eventually } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { assignSupervisor, seedCase } from './support/seed-case';
import { createUser, startWebService, WebService } from './support/web-service';

const ZONE = 'America/Los_Angeles';

describeInBrowser("the programme's calendar", (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const auditor = { username: 'zhou-auditor', password: 'a long enough password', roles: ['auditor'], ou: '640100', displayName: '周审计' };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService({ PROGRAMME_TIME_ZONE: ZONE }), launchBrowser(browserPath)]);
    await createUser(service.app, auditor);
    await assignSupervisor(service.app);
    caseId = await seedCase(service.app);
    await eventually(async () => expect((await request(service.app.http).get('/cases')).body.cases).toHaveLength(1), 20_000);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, auditor, '/app/cases');
    await page.getByRole('link', { name: caseId.slice(0, 8) }).waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('answers the time zone it is set to at GET /calendar, without a token', async () => {
    const answer = await request(service.app.http).get('/calendar').set('X-Test-Anonymous', '1').expect(200);
    expect(answer.body).toEqual({ timeZone: ZONE });
  });

  it("shows a case's opening in the service's zone, not Beijing time", async () => {
    const [listed] = (await request(service.app.http).get('/cases').expect(200)).body.cases as { openedAt: string }[];
    const inZone = (timeZone: string) =>
      page.evaluate(
        ([at, zone]) => new Intl.DateTimeFormat('zh-CN', { timeZone: zone, dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at)),
        [listed.openedAt, timeZone],
      );
    const row = page.locator('tr.ant-table-row').filter({ has: page.getByRole('link', { name: caseId.slice(0, 8) }) });
    const shown = await row.locator('td').nth(4).textContent();
    expect(shown).toBe(await inZone(ZONE));
    expect(shown).not.toBe(await inZone('Asia/Shanghai'));
  });
});
