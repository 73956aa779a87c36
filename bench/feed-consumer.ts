/**
 * The feed bench's catch-up consumer: one SSE client reading the whole log from the start. `catchUp` runs it
 * in the calling process (feed-profile.ts profiles it there); `catchUpElsewhere` forks it into a process of its
 * own, as a downstream service is, so that parsing what it receives does not count against the server's thread.
 */
import { fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSse } from '../apps/api/src/feed/sse-client';
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

export async function catchUp(base: string, headers: Record<string, string>, events: number): Promise<CatchUpFigures> {
  const bar = progressBar('catch-up read', events, 'events');
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

export function catchUpElsewhere(base: string, headers: Record<string, string>, events: number): Promise<CatchUpFigures> {
  const typescript = extname(__filename) === '.ts';
  const execArgv = typescript ? ['-r', join(__dirname, '../scripts/projections/register.js')] : [];
  const request: Request = { base, headers, events };
  const child = fork(join(__dirname, `feed-consumer${extname(__filename)}`), [JSON.stringify(request)], { execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { figures?: CatchUpFigures; error?: string }) =>
      message.figures ? resolve(message.figures) : reject(new Error(message.error)),
    );
    child.once('exit', (code) => reject(new Error(`feed consumer exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const { base, headers, events } = JSON.parse(process.argv[2]) as Request;
  try {
    process.send!({ figures: await catchUp(base, headers, events) });
  } catch (error) {
    process.send!({ error: String((error as Error)?.stack ?? error) });
  }
  process.disconnect();
}

if (require.main === module) void main();
