/**
 * `BENCH_WEB_PROFILE=<dir> npm run bench -- web`: one more load of each page under Chromium's own CPU
 * profiler (the DevTools protocol), written as `<page>.cpuprofile` (open it in DevTools' Performance panel)
 * and summed up here: where the page's main thread spent a whole load (to the network's rest), by function
 * (self time) and by script file. Profile first, then change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { PageUnderTest } from './page-timing';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface PageProfile {
  page: string;
  file: string;
  /** Self time by function, the heaviest first (ms). */
  functions: { name: string; ms: number }[];
  /** Self time by script file, program and garbage collection included (ms). */
  files: { file: string; ms: number }[];
}

/** Profiles one load of the page (its context already loaded once, so scripts come from the cache). */
export async function profileLoad(page: Page, under: PageUnderTest, dir: string): Promise<PageProfile> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.goto(under.url);
  await page.locator(under.firstRender).first().waitFor();
  await page.waitForLoadState('networkidle');
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
  await session.detach();
  const file = join(dir, `${under.name.replace(/\W+/g, '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { page: under.name, file, ...selfTimes(profile) };
}

function selfTimes(profile: Profile): Pick<PageProfile, 'functions' | 'files'> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  profile.samples.forEach((id, n) => {
    const frame = byId.get(id)!.callFrame;
    const ms = (profile.timeDeltas[n] ?? 0) / 1000;
    const file = frame.url.replace(/^https?:\/\/[^/]+/, '') || `(${frame.functionName || 'native'})`;
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    files.set(file, (files.get(file) ?? 0) + ms);
  });
  const heaviest = <K extends string>(totals: Map<string, number>, key: K, count: number) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ [key]: name, ms: Math.round(ms * 10) / 10 }) as Record<K, string> & { ms: number });
  return { functions: heaviest(functions, 'name', 25), files: heaviest(files, 'file', 12) };
}
