/**
 * Debian's Chromium driven by playwright-core for the web journeys. Where no browser can be found the
 * suites print `browser tests NOT RUN: <reason>` and skip, as the EventStoreDB and NATS suites do.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

// Only inside page.evaluate (the browser's globals); the test program itself has no DOM lib.
declare const window: any;
declare const document: any;

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => !!path);

export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'web');

/** The browser's path, or why there is none (printed once by the suite that skips). */
export function findBrowser(): { path: string } | { reason: string } {
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  return path ? { path } : { reason: `no Chromium at ${CANDIDATES.join(', ')} (apt-get install chromium, or set CHROMIUM_PATH)` };
}

/** `describe` when a browser exists, else a skipped one that says so. */
export function describeInBrowser(name: string, body: (browserPath: string) => void): void {
  const found = findBrowser();
  if ('reason' in found) {
    console.log(`browser tests NOT RUN: ${found.reason}`);
    describe.skip(name, () => it('needs a browser', () => undefined));
    return;
  }
  describe(name, () => body(found.path));
}

export async function launchBrowser(path: string): Promise<Browser> {
  return chromium
    .launch({
      executablePath: path,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'family-ledger-chromium-'))}`,
      ],
      ignoreDefaultArgs: ['--user-data-dir'],
    })
    .catch(() =>
      chromium.launch({
        // Playwright keeps the profile directory itself on some versions: a fresh temporary one either way.
        executablePath: path,
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
      }),
    );
}

/**
 * A fresh context (own cookies) at 1366×768. `X-Test-Anonymous` keeps the test app from adding its default
 * admin token (test/support/test-auth.ts): the page is authenticated by its session cookie alone.
 */
export async function newContext(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'X-Test-Anonymous': '1' },
    acceptDownloads: true,
  });
  // A journey step that shows nothing fails in seconds, not after Playwright's 30; but not in 10, which a CI run on
  // two loaded cores once took to list a village's households (the same step takes about one second alone).
  context.setDefaultTimeout(20_000);
  context.on('weberror', (error) => console.log(`page error: ${error.error().message}`));
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not a <script> tag: the app's CSP (script-src 'self') stays on.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
