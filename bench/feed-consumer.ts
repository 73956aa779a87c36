/**
 * The feed bench's catch-up consumer: one SSE client reading the whole log from the start. `catchUp` runs it
 * in the calling process (feed-profile.ts profiles it there); `catchUpElsewhere` forks it into a process of its
 * own, as a downstream service is, so that parsing what it receives does not count against the server's thread.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSse } from '../apps/api/src/feed/sse-client';
import { answerParent, runInChild } from './support/child-process';
import { progressBar } from './support/progress';
import { round } from './support/stats';

export interface CatchUpFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

interface Request {
  base: string;
  headers: Record<string, string>;
  events: number;
}

export async function catchUp(base: string, headers: Record<string, string>, events: number, shown = true): Promise<CatchUpFigures> {
  const bar = shown ? progressBar('catch-up read', events, 'events') : { increment: () => undefined, stop: () => undefined };
  let received = 0;
  let complete: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (complete = resolve));
  const started = performance.now();
  const connection = await openSse(
    `${base}/feed?from=start&streams=household-bench-`,
    {
      message: () => {
        received += 1;
        if (received % 1000 === 0) bar.increment(1000);
        if (received === events) complete();
      },
    },
    undefined,
    headers,
  );
  await done;
  const seconds = (performance.now() - started) / 1000;
  bar.stop();
  connection.close();
  return { events, seconds: round(seconds, 2), eventsPerSecond: Math.round(events / seconds) };
}

/**
 * In a new process, after a read of the log's first WARM_UP_EVENTS untimed: the baselines run in the warm
 * bench process, and a consumer's first read is otherwise also the time its SSE parsing takes to be compiled.
 */
export function catchUpElsewhere(base: string, headers: Record<string, string>, events: number): Promise<CatchUpFigures> {
  return runInChild<CatchUpFigures>(join(__dirname, 'feed-consumer'), { base, headers, events } satisfies Request);
}

const WARM_UP_EVENTS = 20_000;

async function warmThenCatchUp({ base, headers, events }: Request): Promise<CatchUpFigures> {
  await catchUp(base, headers, Math.min(WARM_UP_EVENTS, events), false);
  return catchUp(base, headers, events);
}

if (require.main === module) void answerParent<Request, CatchUpFigures>(warmThenCatchUp);
