/** Worker-thread entry of a hashing lane: a batch of rows in, the batch's first break (or null) out. */
import { parentPort } from 'node:worker_threads';
import { ChainLane } from './chain-lane';
import { LogRow } from './log-pages';

const lane = new ChainLane();
parentPort!.on('message', (rows: LogRow[]) => parentPort!.postMessage(lane.check(rows) ?? null));
