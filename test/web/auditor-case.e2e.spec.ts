/**
 * The auditor's story: finds the case in the list, reads its timeline (the rows GET /cases/{id}/history
 * gives, in words), the state after a chosen event, the state as of a revision, verifies the hash chain,
 * downloads the export bundle the API gives, and sees the case's audit trail; a list too long to read to its
 * end is said to be cut.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { eventually } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { choose, computedAntdStyles, settled, signInThroughPage } from './support/journey';
import { assignSupervisor, seedCase } from './support/seed-case';
import { generateSigningKeyPair } from '@libs/audit/signing';
import { RecordedEvent } from '@libs/event-store';
import { rewriteFrom } from '../support/tamper';
import { createUser, startWebService, WebService } from './support/web-service';

const WORDS: Record<string, string> = {
  CaseOpened: '立案',
  RectificationOrdered: '责令整改',
  RectificationReported: '报告整改情况',
  RectificationRejected: '整改未通过',
};

interface CaseStateAnswer {
  status: string;
  districtCode: string;
  rectification: { stage: string; round: number; requirements: string[]; deadline: string; late?: boolean };
}

/** The fields a state view shows, by its catalogue key. */
const fieldsShown = (view: Locator) =>
  view
    .locator('[data-field]')
    .evaluateAll((spans) => Object.fromEntries(spans.map((span) => [span.getAttribute('data-field'), span.textContent])));

/** What the page must show of the API's state: its codes in Chinese words, its deadline in Beijing time. */
function expectedFields(state: CaseStateAnswer): Record<string, string> {
  const { stage, round, requirements, deadline, late } = state.rectification;
  const beijing = new Date(Date.parse(deadline) + 8 * 3_600_000); // the programme's calendar: UTC+8, no summer time
  return expect.objectContaining({
    'state.status': { Open: '办理中', Closed: '已结案' }[state.status],
    'state.district': `兴庆区（${state.districtCode}）`,
    'state.grounds': '敷衍了事',
    'state.stage': { ordered: '已责令整改', reported: '已报告整改情况', rejected: '整改未通过' }[stage],
    'state.round': String(round),
    'state.requirements': requirements.join('、'),
    'state.deadline': expect.stringContaining(
      `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${String(beijing.getUTCHours()).padStart(2, '0')}:`,
    ),
    ...(late === undefined ? {} : { 'state.late': late ? '是' : '否' }),
  }) as unknown as Record<string, string>;
}

describeInBrowser('the auditor reads a case', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const auditor = { username: 'sun-auditor', password: 'a long enough password', roles: ['auditor'], ou: '640100', displayName: '孙审计' };
  const api = (path: string) => request(service.app.http).get(path).expect(200);

  beforeAll(async () => {
    // A signing key: the log is checked against a signed checkpoint, which a rewrite with its chain recomputed fails.
    const signing = { AUDIT_SIGNING_KEY: generateSigningKeyPair().privateKeyPem, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' };
    [service, browser] = await Promise.all([startWebService(signing), launchBrowser(browserPath)]);
    await createUser(service.app, auditor);
    await assignSupervisor(service.app);
    caseId = await seedCase(service.app);
    await eventually(async () => expect((await api('/cases')).body.cases).toHaveLength(1), 20_000);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, auditor);
    await page.getByRole('link', { name: caseId.slice(0, 8) }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('lists the case, filtered by district and status as the API filters them', async () => {
    await choose(page, '状态', '已结案');
    await page.getByRole('link', { name: caseId.slice(0, 8) }).waitFor({ state: 'detached' });
    await choose(page, '状态', '办理中');
    await page.getByRole('link', { name: caseId.slice(0, 8) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'cases');
  });

  it('shows one timeline row per event of GET /cases/{id}/history, in words, with who, why, revision and hash', async () => {
    await page.getByRole('link', { name: caseId.slice(0, 8) }).click();
    await page.getByTestId('timeline').locator('tr.ant-table-row').first().waitFor();
    await settled(page);
    const history = (await api(`/cases/${caseId}/history`)).body.events as {
      revision: number;
      type: string;
      actor: string;
      reason: string;
      hash: string;
    }[];
    const rows = await page
      .getByTestId('timeline')
      .locator('tr.ant-table-row')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((cells) => [Number(cells[0]), cells[1], cells[2], cells[3], cells[6]])).toEqual(
      history.map((event) => [event.revision, WORDS[event.type], event.actor, event.reason, event.hash.slice(0, 12)]),
    );
  });

  it('shows the state after a chosen event and as of a revision, as the API folds them, in words', async () => {
    const history = (await api(`/cases/${caseId}/history`)).body.events as { state: CaseStateAnswer }[];
    await page.getByRole('button', { name: '查看第 1 版' }).click();
    const after = page.getByTestId('state-view').first();
    expect(JSON.parse((await after.getByTestId('state-json').textContent())!)).toEqual(history[1].state);
    expect(await fieldsShown(after)).toEqual(expectedFields(history[1].state));
    await page.getByRole('textbox', { name: '回看' }).fill('2');
    await choose(page, '回看', '按版本');
    await page.getByRole('button', { name: '显示当时状态' }).click();
    const then = page.getByTestId('state-view').nth(1);
    await then.waitFor();
    const replayed = (await api(`/cases/${caseId}?revision=2`)).body.state as CaseStateAnswer;
    expect(JSON.parse((await then.getByTestId('state-json').textContent())!)).toEqual(replayed);
    expect(await fieldsShown(then)).toEqual(expectedFields(replayed));
  });

  it('says so, in Chinese, when the time typed for "as of" cannot be read, and asks the API nothing', async () => {
    const asked: string[] = [];
    page.on('request', (sent) => void (new URL(sent.url()).pathname === `/cases/${caseId}` && asked.push(sent.url())));
    await choose(page, '回看', '按记录时间');
    const typed = page.getByRole('textbox', { name: '回看' });
    await typed.fill('2012年4月1日');
    await page.getByRole('button', { name: '显示当时状态' }).click();
    const hint = page.getByRole('alert').filter({ hasText: '时间格式不正确，请按 2012-04-01 或 2012-04-01T10:00 填写' });
    await hint.waitFor();
    expect(asked).toEqual([]);
    // Typed as people type it, a space for the T: read in the programme's calendar, and the hint goes.
    await typed.fill('2099-01-01 10:00');
    await page.getByRole('button', { name: '显示当时状态' }).click();
    await hint.waitFor({ state: 'detached' });
    await eventually(async () => expect(asked).toEqual([expect.stringContaining('asOf=2099-01-01T02%3A00%3A00.000Z')]));
  });

  it("verifies the hash chain, downloads the API's export bundle and shows the audit trail", async () => {
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByTestId('verdict').filter({ hasText: '校验通过：4 个事件的哈希链完整一致' }).waitFor();
    const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载审计包' }).click()]);
    expect(readFileSync(await bundle.path(), 'utf8')).toBe((await api(`/cases/${caseId}/export`)).text);
    await page.getByTestId('audit-trail').getByText('clerk-7').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case');
  });

  it('opens a case by its address with the timeline and trail asked early, once each, and no style computed', async () => {
    const fresh = await (await newContext(browser)).newPage();
    await fresh.context().addCookies(await page.context().cookies());
    const asked: string[] = [];
    fresh.on('request', (sent) => asked.push(new URL(sent.url()).pathname));
    await fresh.goto(`${service.baseUrl}/app/cases/${caseId}`);
    await fresh.getByTestId('timeline').locator('tr.ant-table-row').first().waitFor();
    await settled(fresh);
    const history = (await api(`/cases/${caseId}/history`)).body.events as { revision: number }[];
    const revisions = await fresh.getByTestId('timeline').locator('tr.ant-table-row td:first-child').allTextContents();
    expect(revisions.map(Number)).toEqual(history.map((event) => event.revision));
    await fresh.getByTestId('audit-trail').getByText('clerk-7').first().waitFor();
    expect(asked.filter((path) => path === `/cases/${caseId}/history`)).toHaveLength(1);
    expect(asked.filter((path) => path === '/audit/trail')).toHaveLength(1);
    expect(await computedAntdStyles(fresh)).toEqual([]);
    expect(await seriousViolations(fresh)).toEqual([]);
    await fresh.context().close();
  });
  it('lists every case of the district, not the first hundred, when narrowing them by period', async () => {
    const open = (caseId: string, occurredAt: string) =>
      request(service.app.http)
        .post('/cases')
        .set('X-Actor', 'sup-wang')
        .send({
          caseId,
          subjectUnit: 'unit-9',
          districtCode: '640104',
          grounds: ['passive'],
          evidence: [{ reference: 'v', description: 'd' }],
          reason: 'r',
          occurredAt,
        })
        .expect(201);
    // A hundred opened in January 2013, then one in December: the last is the 102nd in opening order.
    for (let i = 0; i < 100; i += 1) await open(randomUUID(), `2013-01-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00.000Z`);
    const last = randomUUID();
    await open(last, '2013-12-20T02:00:00.000Z');
    await eventually(async () => expect((await api(`/cases?limit=1000`)).body.cases).toHaveLength(102), 30_000);
    await page.goto(`${service.baseUrl}/app/cases`);
    await page.getByRole('textbox', { name: '期间' }).fill('201312');
    await page.getByRole('link', { name: last.slice(0, 8) }).waitFor();
    // Read to its end: nothing to warn of.
    expect(await page.getByTestId('cases-truncated').count()).toBe(0);
  });

  it('says so when the list runs past the pages the page reads, rather than show part of it as all', async () => {
    // GET /cases answering as a list with no end: one case a page, each with a `next`.
    const [one] = (await api('/cases?limit=1')).body.cases as { caseId: string }[];
    const cut = await (await newContext(browser)).newPage();
    let pages = 0;
    await cut.route(
      (url) => url.pathname === '/cases',
      (route) => {
        pages += 1;
        return route.fulfill({ json: { position: '1', recordedAt: null, cases: [{ ...one, caseId: randomUUID() }], next: String(pages) } });
      },
    );
    await signInThroughPage(cut, service.baseUrl, auditor, '/app/cases');
    const notice = cut.getByTestId('cases-truncated');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('列表未显示完整：仅显示前 50 个案件，请按县（市）区或状态缩小范围');
    // The bound (MAX_PAGES) reached: fifty pages asked for, no more.
    expect(pages).toBe(50);
    expect(await seriousViolations(cut)).toEqual([]);
    await cut.context().close();
  });

  // Last: it rewrites the case's log.
  it('says the log is broken when it no longer matches its signed checkpoint, though every event still chains', async () => {
    await request(service.app.http).post('/audit/checkpoints').expect(201);
    const stream = `case-${caseId}`;
    const rows: RecordedEvent[] = await service.app.runtime.rawEventStore.readStream(stream);
    await rewriteFrom(service.app, stream, rows, 1, { ...rows[1].data, reason: 'forged' });
    const verdict = (await api(`/cases/${caseId}/verify`)).body;
    expect(verdict).toMatchObject({ ok: false, firstBadRevision: null, checkpoint: { logMatches: false } });
    await page.goto(`${service.baseUrl}/app/cases/${caseId}`);
    await page.getByRole('button', { name: '校验哈希链' }).click();
    const shown = page.getByTestId('verdict');
    await shown.filter({ hasText: '日志与签名检查点不符' }).waitFor();
    expect(await shown.textContent()).not.toContain('校验通过');
    // The export of a log that disagrees with its checkpoint is refused, and the page says so.
    await page.getByRole('button', { name: '下载审计包' }).click();
    await page.getByRole('alert').filter({ hasText: '未能完成：日志与签名检查点不符' }).waitFor();
  });
});
