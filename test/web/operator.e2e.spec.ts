/**
 * The operator's story: the service's health as GET /health answers it, and every projection with the
 * lag and parked events GET /admin/projections reports; a poison event parked, seen on the page, its
 * cause fixed, retried from the page, and gone from the page as from the API.
 */
import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { eventually, projectionsCaughtUp } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

const event = (type: string, data: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T02:00:00.000Z' },
});
const enrolled = (householdId: string) =>
  event('HouseholdEnrolled', {
    householdId,
    villageCode: '640104001001',
    category: 'stable',
    members: 2,
    head: { name: 'Wang Fang' },
    enrolmentYear: 2012,
    batch: 1,
  });

describeInBrowser("the operator's view", (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  const operator = { username: 'qian-admin', password: 'a long enough password', roles: ['admin'], ou: '640100', displayName: '钱运维' };

  beforeAll(async () => {
    // A second's hold is warned of (60 s by default), so that the warning can be seen without waiting a minute.
    [service, browser] = await Promise.all([startWebService({ LOG_HOLD_WARN_SECONDS: '1' }), launchBrowser(browserPath)]);
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

  it("shows health and each projection's lag and state as the API reports them, in words", async () => {
    const health = await request(service.app.http).get('/health');
    const overall = health.status !== 200 ? '异常' : health.body.status === 'warn' ? '警告' : '正常';
    expect(await page.getByTestId('health').textContent()).toBe(overall);
    expect(await page.locator('[data-field="database"]').textContent()).toBe(health.body.database === 'up' ? '正常' : '不可用');
    expect(await page.locator('[data-field="eventStore"]').textContent()).toBe(health.body.eventStore === 'up' ? '正常' : '不可用');
    const { body } = await request(service.app.http).get('/admin/projections').expect(200);
    const shown = await page
      .locator('.ant-table-tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((row) => [row.querySelector('td code')!.textContent, row.querySelectorAll('td')[3].textContent]));
    const STATES: Record<string, string> = { running: '运行中', rebuilding: '重建中', stopped: '已停止' };
    expect(shown).toEqual(body.projections.map((p: { name: string; status: string }) => [p.name, STATES[p.status]]));
    // Each read model named in Chinese beside its code.
    await page.getByRole('cell', { name: '需求办理情况 needs-status' }).waitFor();
    for (const projection of body.projections as { name: string; lag: { events: number }; parked: unknown[] }[]) {
      expect(await page.getByTestId(`lag-${projection.name}`).textContent()).toBe(String(projection.lag.events));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'operations');
  });

  it('sees a parked event, retries it once its cause is fixed, and sees it gone as the API does', async () => {
    type Status = { name: string; lag: { events: number }; parked: { eventType: string; stream: string; position: string }[] };
    const needsStatus = async () =>
      ((await request(service.app.http).get('/admin/projections').expect(200)).body.projections as Status[]).find(
        (p) => p.name === 'needs-status',
      )!;
    // A need of a household needs-status has not seen enrolled is poison for it: parked, the projection goes on.
    const orphan = randomUUID();
    await service.app.runtime.eventStore.appendToStream(`household-${orphan}`, [
      event('NeedRecorded', { householdId: orphan, needId: randomUUID(), focusArea: 'health', kind: 'care', description: 'x' }),
    ]);
    const [parked] = await eventually(async () => {
      const found = await needsStatus();
      expect(found.parked).toHaveLength(1);
      return found.parked;
    }, 30_000);
    await page.getByRole('button', { name: '刷新' }).click();
    const cell = page.getByTestId('parked-needs-status');
    await cell.locator(`li[data-position="${parked.position}"]`).waitFor();
    expect(await cell.locator('li').allTextContents()).toEqual([expect.stringContaining(`${parked.eventType} household-${orphan}`)]);
    expect(await page.getByTestId('parked-count-needs-status').textContent()).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'operations-parked');

    // The cause fixed (the enrolment arrives late), the operator presses retry.
    await service.app.runtime.eventStore.appendToStream(`household-${orphan}-late`, [enrolled(orphan)]);
    await eventually(async () => expect((await needsStatus()).lag.events).toBe(0), 30_000);
    await projectionsCaughtUp(service.app, ['needs-status']); // the lag can err low by a commit for a moment
    await cell.getByRole('button', { name: '重试' }).click();
    await cell.getByRole('status').filter({ hasText: '已处理 1 个' }).waitFor();
    await page.getByTestId('parked-count-needs-status').filter({ hasText: /^0$/ }).waitFor();
    expect(await cell.locator('li').count()).toBe(0);
    expect((await needsStatus()).parked).toEqual([]);
  });

  it('says in Chinese which transaction holds the log back, as GET /health names it, once refreshed', async () => {
    type Holder = { pid: number; transactionId: string; since: string };
    const holding = service.app.runtime.dataSource.createQueryRunner();
    await holding.connect();
    await holding.startTransaction();
    try {
      await holding.query('SELECT txid_current()'); // a transaction id: readers see nothing appended after it began
      const holder = await eventually(async () => {
        const { body } = await request(service.app.http).get('/health').expect(200);
        expect(body.status).toBe('warn');
        return body.logHeldBackBy as Holder;
      }, 30_000);
      await page.getByRole('button', { name: '刷新' }).click();
      const warnings = page.locator('[data-field="warnings"]');
      await warnings.filter({ hasText: `事务 ${holder.transactionId}（进程 ${holder.pid}` }).waitFor();
      const since = await page.evaluate(
        (iso) =>
          new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)),
        holder.since,
      );
      expect(await warnings.textContent()).toContain(`自 ${since} 起未结束`);
      expect(await warnings.textContent()).not.toMatch(/held the log back|readers see/);
      expect(await page.getByTestId('health').textContent()).toBe('警告');
    } finally {
      await holding.rollbackTransaction();
      await holding.release();
    }
  });
});
