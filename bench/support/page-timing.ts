/**
 * Times page loads in Chromium from inside the page, so the measuring does not weigh on what it measures:
 * an init script's MutationObserver notes (performance.now(), from the navigation's start) when the page's
 * first render shows and when no spinner is left, and the Resource Timing entries give each API call's
 * time. Node only reads these once the page has settled (no polling locator in the page meanwhile).
 */
import { Page } from 'playwright-core';
import { percentile, round } from './stats';

export interface PageUnderTest {
  name: string;
  url: string;
  /** CSS selector of the page's first render: the dashboard's tile values, the timeline's first row. */
  firstRender: string;
  /** The calls the first render waits for (the page's own request among them), the ratio's baseline. */
  needs: RegExp[];
  /** The API paths the first render is made from, asked directly (no page) as a second baseline. */
  reads: string[];
  /** Each load with the browser's cache emptied first: a first visit (the app's scripts and styles fetched). */
  emptyCache?: boolean;
}

export interface PageTiming {
  page: string;
  loads: number;
  /** The calls of the last load: the page's own request and its API calls (its scripts and styles left out). */
  apiCalls: number;
  firstRenderP50Ms: number;
  firstRenderP99Ms: number;
  /** The frame after the first render's (its paint, which a style sheet not yet loaded would hold back). */
  firstPaintP50Ms: number;
  firstPaintP99Ms: number;
  settledP50Ms: number;
  settledP99Ms: number;
  /** The slowest of the calls the first render needs (request sent to last byte), per load. */
  slowestNeededP50Ms: number;
  slowestNeededP99Ms: number;
  /** The slowest of every API call the load made. */
  slowestAnyP50Ms: number;
  /** first render ÷ slowest needed call, p50 of each (the 1.5× target). */
  ratioP50: number;
  /** first paint ÷ slowest needed call. */
  paintRatioP50: number;
  /** The page's reads asked directly, all at once: the slowest of each round, p50 over as many rounds as loads. */
  readsDirectlyP50Ms: number;
  directReads: number;
  /** first render ÷ the reads asked directly. */
  ratioToReadsP50: number;
  /** settled ÷ slowest call of all, p50 of each. */
  settledRatioP50: number;
}

/**
 * The init script (plain JavaScript, run in each new document before the page's own scripts). Settled is
 * when the last spinner went away after the first render (or the first render, if none came after): a
 * page may render its other parts, and their spinners, only after its first render.
 */
export const marksScript = (firstRender: string) => `
  window.__marks = {};
  let spinning = false;
  new MutationObserver(() => {
    const marks = window.__marks;
    if (marks.firstRender === undefined && document.querySelector(${JSON.stringify(firstRender)})) {
      marks.firstRender = performance.now();
      // A task queued from the next frame's callback runs once that frame is drawn.
      requestAnimationFrame(() => setTimeout(() => (marks.firstPaint = performance.now())));
    }
    if (marks.firstRender === undefined) return;
    const spinner = document.querySelector('.ant-spin-spinning') !== null;
    if (!spinner && (spinning || marks.settled === undefined)) marks.settled = performance.now();
    spinning = spinner;
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

interface LoadRecord {
  marks: { firstRender?: number; firstPaint?: number; settled?: number };
  calls: { path: string; ms: number }[];
}

/** What one load left in the page (read with page.evaluate: the page's CSP forbids eval, not this). */
const readLoad = (page: Page) =>
  page.evaluate(() => {
    const scope = globalThis as unknown as {
      __marks: LoadRecord['marks'];
      location: { origin: string };
      performance: { getEntriesByType(type: string): { name: string; requestStart: number; responseEnd: number }[] };
    };
    // The page's own request (the navigation entry) beside the API calls: a page may carry its first figures.
    const calls = [...scope.performance.getEntriesByType('navigation'), ...scope.performance.getEntriesByType('resource')]
      .map((entry) => ({ path: entry.name.replace(scope.location.origin, ''), ms: entry.responseEnd - entry.requestStart }))
      .filter((call) => !call.path.startsWith('/assets/'));
    return { marks: { ...scope.__marks }, calls };
  });

export interface PageInContext {
  page: Page;
  under: PageUnderTest;
}

/**
 * Loads each page `loads` times after one load each that fills the browser's cache, in turns (a round loads
 * every page once, so that a noisy spell of the machine weighs on all of them alike); each page in a
 * browser context of its own.
 */
export async function timeLoads(pages: PageInContext[], loads: number): Promise<PageTiming[]> {
  for (const { page, under } of pages) await page.context().addInitScript({ content: marksScript(under.firstRender) });
  const records = pages.map(() => [] as LoadRecord[]);
  for (let i = 0; i < loads + 1; i++) {
    for (const [n, { page, under }] of pages.entries()) {
      const record = await loadOnce(page, under);
      if (i > 0) records[n].push(record); // the first load fills the cache (or, emptied each time, warms the server)
    }
  }
  const timings: PageTiming[] = [];
  for (const [n, { page, under }] of pages.entries())
    timings.push(summarise(under, records[n], await readsDirectly(page, under.reads, loads)));
  return timings;
}

async function loadOnce(page: Page, under: PageUnderTest): Promise<LoadRecord> {
  if (under.emptyCache) {
    const session = await page.context().newCDPSession(page);
    await session.send('Network.clearBrowserCache');
    await session.detach();
  }
  await page.goto(under.url, { waitUntil: 'commit' });
  let record = await readLoad(page);
  const done = (marks: LoadRecord['marks']) => marks.settled !== undefined && marks.firstPaint !== undefined;
  for (const deadline = Date.now() + 60_000; !done(record.marks); record = await readLoad(page)) {
    if (Date.now() > deadline) throw new Error(`${under.name}: no first render within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.waitForLoadState('networkidle');
  return readLoad(page);
}

function summarise(under: PageUnderTest, records: LoadRecord[], direct: number[]): PageTiming {
  const loads = records.length;
  const slowest = (calls: LoadRecord['calls']) => Math.max(0, ...calls.map((call) => call.ms));
  const needed = records.map((r) => slowest(r.calls.filter((call) => under.needs.some((pattern) => pattern.test(call.path)))));
  const any = records.map((r) => slowest(r.calls));
  const firstRender = records.map((r) => r.marks.firstRender!);
  const firstPaint = records.map((r) => r.marks.firstPaint!);
  const settled = records.map((r) => r.marks.settled!);
  const p50 = (samples: number[]) => round(percentile(samples, 50));
  const p99 = (samples: number[]) => round(percentile(samples, 99));
  return {
    page: under.name,
    loads,
    apiCalls: records[records.length - 1].calls.length,
    firstRenderP50Ms: p50(firstRender),
    firstRenderP99Ms: p99(firstRender),
    firstPaintP50Ms: p50(firstPaint),
    firstPaintP99Ms: p99(firstPaint),
    settledP50Ms: p50(settled),
    settledP99Ms: p99(settled),
    slowestNeededP50Ms: p50(needed),
    slowestNeededP99Ms: p99(needed),
    slowestAnyP50Ms: p50(any),
    ratioP50: round(percentile(firstRender, 50) / percentile(needed, 50), 2),
    paintRatioP50: round(percentile(firstPaint, 50) / percentile(needed, 50), 2),
    readsDirectlyP50Ms: p50(direct),
    directReads: under.reads.length,
    ratioToReadsP50: round(percentile(firstRender, 50) / percentile(direct, 50), 2),
    settledRatioP50: round(percentile(settled, 50) / percentile(any, 50), 2),
  };
}

/** Each round asks all the paths at once from the page (its cookie), and takes the slowest: `rounds` samples. */
function readsDirectly(page: Page, paths: string[], rounds: number): Promise<number[]> {
  return page.evaluate(
    async ({ paths, rounds }) => {
      const scope = globalThis as unknown as { performance: { now(): number }; fetch: typeof fetch };
      const samples: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const start = scope.performance.now();
        await Promise.all(paths.map(async (path) => (await scope.fetch(path, { headers: { accept: 'application/json' } })).text()));
        samples.push(scope.performance.now() - start);
      }
      return samples;
    },
    { paths, rounds },
  );
}
