/**
 * Runs the lanes of whole-log verification on worker threads, one per lane: each reads its own streams'
 * share of the log on its own connection and hashes it, so reading, parsing and hashing all spread over the
 * cores (and over as many server backends) without the lanes passing anything to each other.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LaneResult } from './lane-scan';
import type { LaneJob } from './lane.worker';

// Under ts-node-style runs (tests, bench without a build) the worker is TypeScript too: compile it the same way.
const entry = join(__dirname, `lane.worker${extname(__filename)}`);
const execArgv = extname(__filename) === '.ts' ? ['-r', join(__dirname, '../../../scripts/projections/register.js')] : [];

// Every event leaves parsed JSON and strings behind: a roomier young generation scavenges less often (about
// a twentieth less CPU per event, measured with --max-semi-space-size on one thread).
const resourceLimits = { maxYoungGenerationSizeMb: 48 };

/** One worker per lane of `lanes`; the first failure stops them all and is thrown. */
export async function runLaneWorkers(job: Omit<LaneJob, 'scan'> & { visibleLimit: string }, lanes: number): Promise<LaneResult[]> {
  const { visibleLimit, ...shared } = job;
  const workers = Array.from(
    { length: lanes },
    (_, lane) => new Worker(entry, { execArgv, resourceLimits, workerData: { ...shared, scan: { visibleLimit, lane, lanes } } }),
  );
  try {
    return await Promise.all(workers.map(resultOf));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function resultOf(worker: Worker): Promise<LaneResult> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`verification worker exited with code ${code} before its result`)));
  });
}
