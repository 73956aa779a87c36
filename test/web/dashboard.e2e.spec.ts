/**
 * The analyst's dashboard against the API's own answers: each target tile's value is the figure
 * GET /indicators/... gives the same analyst, the table has the API's rows, the CSV is the API's CSV,
 * the Excel file carries Chinese headers and the same numbers, and suppressed cells show as suppressed.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { EventStore } from '@libs/event-store';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { toAppend } from '@projections/shared/testing/harness';
import { projectionsCaughtUp } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { choose, computedAntdStyles, settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

type Row = Record<string, unknown>;

/**
 * The seed's ratings come from two households and its loans are two, cells an analyst is refused (fewer than 5
 * stand behind them): four more households of the same village rate a service in March 2012 and take a loan in
 * April, so the satisfaction and loan tiles the analyst is shown have values to check against the API's.
 */
async function rateAndBorrowByMoreHouseholds(store: EventStore): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const householdId = randomUUID();
    await store.appendToStream(`household-${householdId}`, [
      toAppend(
        'HouseholdEnrolled',
        {
          householdId,
          villageCode: '640104001001',
          category: 'stable',
          members: 2,
          head: { name: `Rater ${i}` },
          enrolmentYear: 2012,
          batch: 1,
        },
        '2012-02-01T02:00:00.000Z',
      ),
      toAppend(
        'SatisfactionRecorded',
        {
          householdId,
          serviceId: randomUUID(),
          response: 'satisfied',
          departmentCode: 'health',
          serviceTypeCode: 'health-check',
          focusArea: 'health',
        },
        '2012-03-21T02:00:00.000Z',
      ),
    ]);
    const loanId = randomUUID();
    const granted = { loanId, householdId, borrowerGroup: 'woman', programmeCode: 'womens-micro-loan', principalFen: 2_000_000 };
    const terms = { interestSubsidyBps: 700, termMonths: 24, lender: 'Yinchuan Rural Credit Cooperative' };
    await store.appendToStream(`loan-${loanId}`, [toAppend('LoanGranted', { ...granted, ...terms }, '2012-04-02T02:00:00.000Z')]);
  }
}
const sum = (rows: Row[], field: string) =>
  rows.reduce((total: number, row) => total + (typeof row[field] === 'number' ? (row[field] as number) : 0), 0);

describeInBrowser('the analyst dashboard', (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let page: Page;
  let token: string;
  const analyst = { username: 'zhao-analyst', password: 'a long enough password', roles: ['analyst'], ou: '640100', displayName: '赵分析' };
  const api = async (path: string, accept = 'application/json') =>
    request(service.app.http).get(path).set('Authorization', `Bearer ${token}`).set('Accept', accept).expect(200);

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    token = await service.app.token('analyst', { ou: analyst.ou });
    await createUser(service.app, analyst);
    await seedCampaign(service.app.runtime.eventStore, service.app.runtime.dataSource);
    await rateAndBorrowByMoreHouseholds(service.app.runtime.eventStore);
    await projectionsCaughtUp(service.app);
    page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, analyst);
    await page.getByTestId('tile-enrolled').waitFor();
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('shows each programme target with the value, target and verdict the API gives the analyst', async () => {
    const enrolled = (await api('/indicators/enrolment-vs-target?ou=640100&pe=2012')).body.rows as Row[];
    const satisfaction = (await api('/indicators/satisfaction-rate?ou=640100&pe=2012')).body.rows as Row[];
    const loans = (await api('/indicators/loan-principal-granted?ou=640100&pe=2012')).body.rows as Row[];
    const raw = async (key: string) => page.getByTestId(`tile-${key}`).getByTestId('tile-value').getAttribute('data-raw');
    expect(Number(await raw('enrolled'))).toBe(sum(enrolled, 'numerator'));
    expect(await page.getByTestId('tile-enrolled').getByTestId('tile-target').textContent()).toBe(
      new Intl.NumberFormat('zh-CN').format(sum(enrolled, 'denominator')),
    );
    expect(await page.getByTestId('tile-enrolled').textContent()).toContain('未达标');
    expect(Number(await raw('satisfaction'))).toBeCloseTo(sum(satisfaction, 'numerator') / sum(satisfaction, 'denominator'), 10);
    expect(Number(await raw('loans'))).toBe(sum(loans, 'numerator'));
    expect(await page.getByTestId('tile-loans').getByTestId('tile-target').textContent()).toBe('¥164,000,000.00');
    // The 2011 report's loans are a figure granted by then, not a goal: shown for reference, never judged.
    expect(await page.getByTestId('tile-loans').textContent()).toContain('参考');
    expect(await page.getByTestId('tile-loans').textContent()).not.toMatch(/达标|无数据/);
    // The 60% goal counts every household, not only the enrolled: certification-goal, not certification-rate.
    const goal = (await api('/indicators/certification-goal?ou=640100&pe=2012')).body.rows as Row[];
    expect(sum(goal, 'denominator')).toBeGreaterThan(0);
    expect(Number(await raw('certified'))).toBeCloseTo(sum(goal, 'numerator') / sum(goal, 'denominator'), 10);
  });

  it('shows the first period’s own figures again when the picker comes back to it, not the last shown', async () => {
    // The tile's raw value as the API's answer makes it: empty when the period has no ratings.
    const rawOf = async (pe: string) => {
      const rows = (await api(`/indicators/satisfaction-rate?ou=640100&pe=${pe}`)).body.rows as Row[];
      const denominator = sum(rows, 'denominator');
      return denominator > 0 ? String(sum(rows, 'numerator') / denominator) : '';
    };
    const year = await rawOf('2012');
    let other: { pe: string; raw: string } | undefined;
    for (const pe of ['201201', '201202', '201203', '2012Q2']) {
      const raw = await rawOf(pe);
      if (raw !== year) {
        other = { pe, raw };
        break;
      }
    }
    expect(other).toBeDefined();
    // A fresh load of the address: the first period's answers come with the page (the server rendered them).
    const fresh = await (await newContext(browser)).newPage();
    await fresh.context().addCookies(await page.context().cookies());
    await fresh.goto(`${service.baseUrl}/app/dashboard`);
    const tileShows = (raw: string) =>
      fresh.locator(`[data-testid="tile-satisfaction"] [data-testid="tile-value"][data-raw="${raw}"]`).waitFor();
    await tileShows(year);
    await settled(fresh);
    const period = fresh.getByRole('textbox', { name: '期间代码' });
    await period.fill(other!.pe);
    await tileShows(other!.raw);
    await period.fill('2012');
    await tileShows(year);
    await fresh.context().close();
  });

  it('follows the org-unit tree and the period picker to the figures the API gives for them', async () => {
    const picker = page.getByRole('combobox', { name: '地区' });
    await picker.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]').click();
    await picker.fill('640104');
    await page.locator('.ant-select-tree-node-content-wrapper[title="兴庆区（640104）"]').click();
    await page.getByRole('textbox', { name: '期间代码' }).fill('2012Q1');
    await page.getByTestId('tile-satisfaction').getByTestId('tile-value').waitFor();
    await settled(page);
    const satisfaction = (await api('/indicators/satisfaction-rate?ou=640104&pe=2012Q1')).body.rows as Row[];
    const shown = await page.getByTestId('tile-satisfaction').getByTestId('tile-value').getAttribute('data-raw');
    expect(Number(shown)).toBeCloseTo(sum(satisfaction, 'numerator') / sum(satisfaction, 'denominator'), 10);
    const { body } = await api('/indicators/households-enrolled?ou=640104&pe=2012Q1');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(body.rows.length);
    // Back to the city and 2012 for the stories below: a fresh load starts from the user's own unit.
    await page.reload();
    await page.getByTestId('tile-enrolled').getByTestId('tile-value').waitFor();
    await settled(page);
  });

  it('states the log position each view reflects, as the API does', async () => {
    const { body } = await api('/indicators/households-enrolled?ou=640100&pe=2012');
    const positions = await page.locator('.reflects').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-position')));
    expect(positions.length).toBeGreaterThanOrEqual(8);
    expect(positions).toContain(body.reflects.position);
  });

  it("tables an indicator by its dimensions and downloads the API's CSV and an Excel file with Chinese headers", async () => {
    const { body } = await api('/indicators/households-enrolled?ou=640100&pe=2012');
    const cells = await page.locator('.ant-table-tbody tr.ant-table-row').last().locator('td').allTextContents();
    expect(cells[0]).toBe(body.rows[body.rows.length - 1].orgUnit);
    expect(cells[2]).toBe(`${body.rows[body.rows.length - 1].period}年`); // the period in words: 2012 is 2012年
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(readFileSync(await csv.path(), 'utf8')).toBe((await api('/indicators/households-enrolled?ou=640100&pe=2012', 'text/csv')).text);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('创建家庭数');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['区划代码', '地区', '期间', '分子', '分母', '数值']);
    expect(sheet.getRow(2).getCell(4).value).toBe(body.rows[0].numerator);
  });

  it('saves a CSV as the API sent it, byte for byte: a Chinese one keeps the byte-order mark Excel needs', async () => {
    // The scorecard's CSV (Chinese unit names after a byte-order mark) answers the table's CSV button here.
    const scores = '/assessment/scores?level=district&pe=2012&scheme=happy-family&format=csv';
    const sent = Buffer.from((await api(scores, 'text/csv')).text, 'utf8');
    expect([...sent.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvRequest = (url: URL) => url.pathname.startsWith('/indicators/');
    await page.route(csvRequest, (route) =>
      route.request().headers().accept === 'text/csv' ? route.continue({ url: `${service.baseUrl}${scores}` }) : route.fallback(),
    );
    try {
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
      expect(readFileSync(await csv.path())).toEqual(sent);
    } finally {
      await page.unroute(csvRequest);
    }
  });

  it('shows cells the API suppresses as suppressed, not as zero', async () => {
    const { body } = await api('/indicators/certification-rate?ou=640100&pe=2012&by=category');
    expect(body.rows.some((row: Row) => row.suppressed === true)).toBe(true);
    await choose(page, '指标', '幸福家庭认定率');
    await choose(page, '分组维度', '家庭类别', { multiple: true });
    await page.getByRole('heading', { name: '分析看板' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
    await settled(page);
    const marked = await page.locator('.ant-table-tbody [data-suppressed="true"]').count();
    expect(marked).toBe(body.rows.filter((row: Row) => row.suppressed === true).length * 2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'dashboard-tablet');
  });

  it("opens with the tiles the server rendered from the API's answers, hydrated without asking again", async () => {
    // A fresh load of the address: the page comes with the tiles and the answers they were made from.
    const fresh = await (await newContext(browser)).newPage();
    await fresh.context().addCookies(await page.context().cookies());
    const asked: string[] = [];
    const errors: string[] = [];
    fresh.on('request', (sent) => asked.push(new URL(sent.url()).pathname + new URL(sent.url()).search));
    fresh.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    fresh.on('pageerror', (error) => errors.push(error.message));
    await fresh.goto(`${service.baseUrl}/app/dashboard`);
    await fresh.getByTestId('tile-enrolled').getByTestId('tile-value').waitFor();
    await settled(fresh);
    const enrolled = (await api('/indicators/enrolment-vs-target?ou=640100&pe=2012')).body.rows as Row[];
    expect(Number(await fresh.getByTestId('tile-enrolled').getByTestId('tile-value').getAttribute('data-raw'))).toBe(
      sum(enrolled, 'numerator'),
    );
    // Neither the tiles' reads nor the session and calendar were asked again; the charts' and the table's
    // each once; and React took the server's render over without a mismatch.
    const tileReads = ['enrolment-vs-target', 'certification-goal', 'satisfaction-rate', 'loan-principal-granted'];
    expect(
      asked.filter(
        (path) => tileReads.some((name) => path === `/indicators/${name}?ou=640100&pe=2012`) || /^\/(auth\/session|calendar)$/.test(path),
      ),
    ).toEqual([]);
    const indicators = asked.filter((path) => path.startsWith('/indicators/'));
    expect(indicators.length).toBeGreaterThanOrEqual(5);
    expect(new Set(indicators).size).toBe(indicators.length);
    expect(errors).toEqual([]);
    // Ant Design computed none of its component styles in the page: the build's sheet had them all.
    expect(await computedAntdStyles(fresh)).toEqual([]);
    expect(await seriousViolations(fresh)).toEqual([]);
    await fresh.context().close();
  });

  it('after the session has ended, signing in on the dashboard shows the tiles, not what was asked before', async () => {
    // This browser remembers the analyst's org unit, so the page asks for the tiles before the session check
    // answers; with no session those answers are refusals, which must not be what the signed-in page shows.
    const context = await newContext(browser);
    const again = await context.newPage();
    await again.context().addCookies(await page.context().cookies());
    await again.goto(`${service.baseUrl}/app/dashboard`);
    await again.getByTestId('tile-enrolled').getByTestId('tile-value').waitFor();
    await context.clearCookies();
    await signInThroughPage(again, service.baseUrl, analyst, '/app/dashboard');
    await again.getByTestId('tile-enrolled').getByTestId('tile-value').waitFor();
    await settled(again);
    expect(await again.getByRole('alert').count()).toBe(0);
    await context.close();
  });
});
