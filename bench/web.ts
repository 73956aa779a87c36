/**
 * `npm run bench -- web`: how long the dashboard and a 1,000-event case page take to render in Debian's
 * Chromium (headless, playwright-core) on a campaign of enrolled households, p50 and p99 over repeated
 * loads, beside the API calls each load made (support/page-timing.ts measures, from inside the page).
 * Each load is a full navigation: the session check, the app's script and styles (from the browser's
 * cache after the first), every API call, and the render. Two marks: the first render (the dashboard's
 * tile values; the case's first timeline rows), against the slowest API call that render needs (the
 * 1.5× target); and settled (no spinner left: charts, table, trail), against the slowest call of all.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../libs/config';
import { Projector } from '../libs/projection/projector';
import { openRuntime } from '../libs/runtime';
import { databaseSchema, projections } from '../projections/index';
import { createApiApp } from '../apps/api/src/create-app';
import { enrolHouseholds } from './http';
import { benchAuth } from './support/auth';
import { caughtUp, longCase } from './support/web-fixtures';
import { profileLoad } from './support/page-profile';
import { PageTiming, PageUnderTest, timeLoads } from './support/page-timing';

const { buildWeb } = require('../../scripts/web/build-web.js') as { buildWeb(options: { quiet?: boolean }): boolean };

export interface WebBenchOptions {
  households: number;
  caseEvents: number;
  loads: number;
}
export const defaultWebOptions: WebBenchOptions = { households: 2_000, caseEvents: 1_000, loads: 20 };

export type { PageTiming };
export type WebBenchResults = { pages: PageTiming[] } | { notRun: string };

const BROWSER = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const PASSWORD = 'bench web password';
const BENCH_OU = '640100';

export async function benchWeb(databaseUrl: string, options: WebBenchOptions = defaultWebOptions): Promise<WebBenchResults> {
  if (!BROWSER) return { notRun: 'no Chromium at /usr/bin/chromium' };
  // As `npm start` serves it (apps/api/src/main.ts): the server's render with React's production build.
  process.env.NODE_ENV ??= 'production';
  buildWeb({ quiet: true });
  const auth = await benchAuth();
  const built = join(__dirname, '..', '..', 'dist', 'web');
  const env = { ...process.env, ...auth.env, DATABASE_URL: databaseUrl, WEB_DIST_DIR: built };
  const runtime = await openRuntime(loadConfig(env), { env, schema: databaseSchema });
  const app = await createApiApp(runtime);
  // The same build served as built, without the server's render (its .server left out), on the same database:
  // the dashboard as it loaded before, side by side with the rendered one.
  const asBuilt = mkdtempSync(join(tmpdir(), 'family-ledger-web-as-built-'));
  cpSync(built, asBuilt, { recursive: true, filter: (source) => !source.split(sep).includes('.server') });
  const twinEnv = { ...env, WEB_DIST_DIR: asBuilt };
  const twinRuntime = await openRuntime(loadConfig(twinEnv), { env: twinEnv, schema: databaseSchema });
  const twin = await createApiApp(twinRuntime);
  const projector = new Projector(projections, runtime.eventStore, runtime.dataSource, runtime.config.projector);
  const browser = await chromium.launch({
    executablePath: BROWSER,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await Promise.all([app.listen(0, '127.0.0.1'), twin.listen(0, '127.0.0.1')]);
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const twinBase = `http://127.0.0.1:${(twin.getHttpServer().address() as AddressInfo).port}`;
    const api = (method: string, path: string, body?: object, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: auth.authorization, 'content-type': 'application/json', ...headers },
        body: body && JSON.stringify(body),
      });
    await enrolHouseholds(runtime.eventStore, options.households);
    projector.start();
    const caseId = await longCase(api, options.caseEvents, auth.secondAuthorization);
    await caughtUp(api);
    await api('POST', '/admin/users', { username: 'bench-web', password: PASSWORD, roles: ['admin'], ou: BENCH_OU });
    const contextOptions = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
    const signIn = await (await browser.newContext(contextOptions)).newPage();
    await signIn.goto(`${base}/app/dashboard`);
    await signIn.locator('#username').fill('bench-web');
    await signIn.locator('#password').fill(PASSWORD);
    await signIn.locator('#password').press('Enter');
    await signIn.getByTestId('tile-enrolled').waitFor({ timeout: 60_000 });
    const storageState = await signIn.context().storageState();
    // A cookie is the host's whatever the port: the session signs in to both servers.
    const contexts = await Promise.all(
      pagesUnderTest(base, twinBase, caseId, options.caseEvents).map(async (under) => ({
        page: await (await browser.newContext({ ...contextOptions, storageState })).newPage(),
        under,
      })),
    );
    const pages = await timeLoads(contexts, options.loads);
    const profileDir = process.env.BENCH_WEB_PROFILE;
    for (const { page, under } of profileDir ? contexts : []) {
      const profile = await profileLoad(page, under, profileDir!);
      console.log(`${profile.page}: CPU profile in ${profile.file}`);
      console.table(profile.files);
      console.table(profile.functions);
    }
    return { pages };
  } finally {
    await browser.close();
    await projector.stop();
    await Promise.all([app.close(), twin.close()]);
    await Promise.all([runtime.close(), twinRuntime.close()]);
    rmSync(asBuilt, { recursive: true, force: true });
  }
}

/** The pages, what each one's first render is, and the calls it needs for it. */
function pagesUnderTest(base: string, asBuiltBase: string, caseId: string, caseEvents: number): PageUnderTest[] {
  const opening = [/^\/auth\/session$/, /^\/calendar$/];
  const openingReads = ['/auth/session', '/calendar'];
  const tiles = ['enrolment-vs-target', 'certification-rate', 'satisfaction-rate', 'loan-principal-granted'];
  const dashboard = (name: string, at: string, emptyCache = false): PageUnderTest => ({
    name,
    emptyCache,
    url: `${at}/app/dashboard`,
    firstRender: '[data-testid="tile-enrolled"] [data-testid="tile-value"]',
    // The tiles: the page, session, calendar and the four target indicators (not the charts' or the table's).
    needs: [
      /^\/app\/dashboard$/,
      ...opening,
      /^\/indicators\/(enrolment-vs-target|certification-rate|satisfaction-rate|loan-principal-granted)\?ou=\d+&pe=\d+$/,
    ],
    reads: [...openingReads, ...tiles.map((name) => `/indicators/${name}?ou=${BENCH_OU}&pe=2012`)],
  });
  return [
    dashboard('dashboard', base),
    dashboard('dashboard as built (no server render)', asBuiltBase),
    dashboard('dashboard, empty cache', base, true),
    dashboard('dashboard as built, empty cache', asBuiltBase, true),
    {
      name: `case page (${caseEvents} events)`,
      url: `${base}/app/cases/${caseId}`,
      firstRender: '[data-testid="timeline"] tr.ant-table-row',
      // The timeline: the page, session, calendar and the case's history (not the audit trail below it).
      needs: [/^\/app\/cases\/[^/]+$/, ...opening, /^\/cases\/[^/]+\/history$/],
      reads: [...openingReads, `/cases/${caseId}/history`],
    },
  ];
}
