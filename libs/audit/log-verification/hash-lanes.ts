/**
 * Spreads the hashing of whole-log verification over lanes, each a worker thread with the chains of its own
 * streams: a stream stays on the lane that first saw it, so every chain is checked in order without the
 * lanes sharing anything. Results come back per batch; a lane works through its batches in order.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ChainLane, LaneBreak } from './chain-lane';
import { LogRow } from './log-pages';

export interface HashLanes {
  /** Hands a page over; resolves once the lanes have room for another (at most `depth` batches each). */
  submit(rows: readonly LogRow[]): Promise<void>;
  /** Waits for every batch handed over: the first break of each batch that had one. */
  results(): Promise<LaneBreak[]>;
  close(): Promise<void>;
}

/** Hashing on the calling thread: for small logs, where starting workers costs more than it saves. */
export function inProcessLanes(): HashLanes {
  const lane = new ChainLane();
  const breaks: LaneBreak[] = [];
  return {
    submit: async (rows) => void pushBreak(breaks, lane.check(rows)),
    results: async () => breaks,
    close: async () => undefined,
  };
}

export function workerLanes(count: number, depth = 2): HashLanes {
  const lanes = Array.from({ length: count }, () => new WorkerLane());
  const laneOf = new Map<string, number>();
  let nextLane = 0;
  const split = (rows: readonly LogRow[]) => {
    const batches = lanes.map((): LogRow[] => []);
    for (const row of rows) {
      let lane = laneOf.get(row[1]);
      if (lane === undefined) laneOf.set(row[1], (lane = nextLane++ % count));
      batches[lane].push(row);
    }
    return batches;
  };
  return {
    async submit(rows) {
      split(rows).forEach((batch, i) => batch.length > 0 && lanes[i].post(batch));
      await Promise.all(lanes.map((lane) => lane.roomFor(depth)));
    },
    results: async () => (await Promise.all(lanes.map((lane) => lane.results()))).flat(),
    close: async () => void (await Promise.all(lanes.map((lane) => lane.close()))),
  };
}

function pushBreak(breaks: LaneBreak[], found: LaneBreak | null | undefined): void {
  if (found) breaks.push(found);
}

// Under ts-node-style runs (tests, bench without a build) the worker is TypeScript too: compile it the same way.
const entry = join(__dirname, `chain-lane.worker${extname(__filename)}`);
const execArgv = extname(__filename) === '.ts' ? ['-r', join(__dirname, '../../../scripts/projections/register.js')] : [];

interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

class WorkerLane {
  private readonly worker = new Worker(entry, { execArgv });
  /** Batches posted and not yet answered, oldest first: the worker answers in order. */
  private readonly pending: Batch[] = [];
  private readonly breaks: LaneBreak[] = [];
  private failure: unknown;

  constructor() {
    this.worker.on('message', (found: LaneBreak | null) => (pushBreak(this.breaks, found), this.pending.shift()?.resolve()));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`hashing worker exited with code ${code}`)));
  }

  post(rows: LogRow[]): void {
    if (this.failure !== undefined) throw this.failure;
    const batch = {} as Batch;
    batch.done = new Promise((resolve, reject) => Object.assign(batch, { resolve, reject }));
    batch.done.catch(() => undefined); // a failure is rethrown to whoever waits next, not left unhandled
    this.pending.push(batch);
    this.worker.postMessage(rows);
  }

  async roomFor(depth: number): Promise<void> {
    while (this.pending.length > depth) await this.pending[0].done;
    if (this.failure !== undefined) throw this.failure;
  }

  async results(): Promise<LaneBreak[]> {
    await this.roomFor(0);
    return this.breaks;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const batch of this.pending.splice(0)) batch.reject(this.failure);
  }
}
