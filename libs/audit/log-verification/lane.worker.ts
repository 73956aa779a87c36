/** Worker-thread entry of one lane: its own connection, in the snapshot the coordinator exported. */
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { verifyLane } from './lane-scan';
import { joinLogSnapshot, LogScan } from './log-pages';

export interface LaneJob {
  connectionString: string;
  snapshot: string;
  scan: LogScan;
  pageSize: number;
}

async function run({ connectionString, snapshot, scan, pageSize }: LaneJob): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await joinLogSnapshot(client, snapshot);
    const result = await verifyLane(client, scan, pageSize);
    await client.query('COMMIT');
    parentPort!.postMessage(result);
  } finally {
    await client.end();
  }
}

// A rejection here is an uncaught error of the worker: the coordinator's 'error' handler receives it.
if (parentPort)
  void run(workerData as LaneJob).catch((error: unknown) =>
    setImmediate(() => {
      throw error;
    }),
  );
