/**
 * What an analyst types and takes away from the dashboard: a period typed halfway asks the API nothing and says
 * the figures are still the last whole period's; a workbook says money in yuan, as the table does (the API counts
 * fen), and names dimension values in Chinese.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { toAppend } from '@projections/shared/testing/harness';
import { projectionsCaughtUp } from '../support/test-app';
import { describeInBrowser, launchBrowser, newContext } from './support/browser';
import { choose, settled, signInThroughPage } from './support/journey';
import { createUser, startWebService, WebService } from './support/web-service';

describeInBrowser("the analyst's input and downloads", (browserPath) => {
  let service: WebService;
  let browser: Browser;
  let token: string;
  const analyst = { username: 'zhao-analyst', password: 'a long enough password', roles: ['analyst'], ou: '640100', displayName: '赵分析' };
  const api = async (path: string) => request(service.app.http).get(path).set('Authorization', `Bearer ${token}`).expect(200);

  /** The dashboard signed in afresh, its first figures shown. */
  const opened = async (): Promise<Page> => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughPage(page, service.baseUrl, analyst, '/app/dashboard');
    await page.getByTestId('tile-enrolled').getByTestId('tile-value').waitFor();
    await settled(page);
    return page;
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser(browserPath)]);
    token = await service.app.token('analyst', { ou: analyst.ou });
    await createUser(service.app, analyst);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('asks nothing for a period typed halfway, and says the figures are still those of the last whole one', async () => {
    const fresh = await opened();
    const asked: string[] = [];
    fresh.on('request', (sent) => void asked.push(sent.url()));
    const period = fresh.getByRole('textbox', { name: '期间代码' });
    await period.fill('2012Q');
    const hint = fresh.getByRole('alert').filter({ hasText: '期间代码不完整或有误' });
    await hint.waitFor();
    expect(await hint.textContent()).toContain('仍显示2012年的数据');
    expect(asked.filter((url) => new URL(url).searchParams.get('pe') === '2012Q')).toEqual([]);
    await period.fill('2012Q1');
    await hint.waitFor({ state: 'detached' });
    await fresh.context().close();
  });

  it('downloads money in yuan, as the table shows it, and dimension values by their Chinese names', async () => {
    // Five households with a loan each in March 2013: a cell the analyst is shown (five households stand behind it).
    for (let i = 0; i < 5; i++) {
      const householdId = randomUUID();
      const loanId = randomUUID();
      await service.app.runtime.eventStore.appendToStream(`household-${householdId}`, [
        toAppend(
          'HouseholdEnrolled',
          {
            householdId,
            villageCode: '640104001001',
            category: 'stable',
            members: 3,
            head: { name: `Borrower ${i}` },
            enrolmentYear: 2013,
            batch: 1,
          },
          '2013-02-01T02:00:00.000Z',
        ),
      ]);
      await service.app.runtime.eventStore.appendToStream(`loan-${loanId}`, [
        toAppend(
          'LoanGranted',
          {
            loanId,
            householdId,
            borrowerGroup: 'woman',
            programmeCode: 'womens-micro-loan',
            principalFen: 1_000_029,
            interestSubsidyBps: 700,
            termMonths: 24,
            lender: '宁夏银行',
          },
          '2013-03-15T02:00:00.000Z',
        ),
      ]);
    }
    await projectionsCaughtUp(service.app);
    const { body } = await api('/indicators/loan-principal-granted?ou=640100&pe=2013&by=programme');
    expect(body.rows).toEqual([expect.objectContaining({ programme: 'womens-micro-loan', numerator: 5_000_145 })]);
    const fresh = await opened();
    await fresh.getByRole('textbox', { name: '期间代码' }).fill('2013');
    // More indicators than the list shows at once: found by typing part of the name.
    const indicator = fresh.getByRole('combobox', { name: '指标' });
    await indicator.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]').click();
    await indicator.fill('贷款本金');
    await fresh.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="发放贷款本金"]').click();
    await choose(fresh, '分组维度', '贷款项目', { multiple: true });
    await fresh.getByRole('heading', { name: '分析看板' }).click();
    await fresh.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
    await fresh.locator('.ant-table-tbody').getByRole('cell', { name: '¥50,001.45', exact: true }).first().waitFor();
    const [xlsx] = await Promise.all([fresh.waitForEvent('download'), fresh.getByRole('button', { name: '下载 Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['区划代码', '地区', '期间', '贷款项目', '分子（元）', '分母', '数值（元）']);
    const cells = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(cells.slice(0, 5)).toEqual(['640100', '银川市', '2013', '妇女创业小额担保贷款', 50_001.45]);
    await fresh.context().close();
  });
});
